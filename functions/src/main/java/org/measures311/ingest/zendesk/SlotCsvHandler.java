package org.measures311.ingest.zendesk;

import de.siegmar.fastcsv.reader.CsvCallbackHandler;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.RecordType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * FastCSV callback handler that routes each cell from the parser's char buffer straight into a
 * {@link SourceRecord} slot, instead of FastCSV's record handler building a {@code String} for every cell
 * (a third of the events ingest in a profile). Per cell of a data row:
 * <ul>
 * <li>a column nobody wants is skipped without being copied;</li>
 * <li>a plain run of at most 18 digits in an {@linkplain FieldSpec#isId id slot} is stored as an integer; any
 *     other text there (spaces, signs, letters) goes through the text path, so the id rules see it as before;</li>
 * <li>a cell in {@link IsoTimestamps}' exact shape in a {@linkplain FieldSpec#isTimestamp timestamp slot} is
 *     stored as epoch milliseconds; anything else there goes through the text path;</li>
 * <li>a short cell equal to the previous row's cell in the same column reuses that row's string (event types,
 *     flags and other low-cardinality columns repeat from row to row);</li>
 * <li>a column read as JSON keeps its text for {@link JsonCapture} after the row is complete.</li>
 * </ul>
 * The header row (the first record while {@link #expectHeader} is set) is kept as strings. FastCSV's own size
 * limits (fields per record, characters per field and per record) are enforced with its defaults and messages,
 * so hostile input fails the same way as with its record handler.
 */
final class SlotCsvHandler extends CsvCallbackHandler<SlotCsvHandler> {
    private static final int MAX_FIELDS = 16_384;
    private static final int MAX_FIELD_SIZE = 16 * 1024 * 1024;
    private static final int MAX_RECORD_SIZE = 4 * MAX_FIELD_SIZE;
    /** Longer cells are not compared with recent ones: repeats are short codes, long text rarely repeats. */
    private static final int MAX_REUSED_LENGTH = 64;
    /**
     * Distinct recent values remembered per column: a flag column alternating between true and false, or a few
     * event types in any order, then hands over the same few Strings, which the readers and the batch writer
     * recognise by identity.
     */
    private static final int RECENT_VALUES = 4;
    private static final int MAX_ID_DIGITS = 18;

    private final SourceRecord record;
    private final long lineOffset;
    private final List<String> headerCells = new ArrayList<>();
    private boolean readingHeader;
    private int[] slotOfColumn = new int[0];
    private boolean[] idColumn = new boolean[0];
    private boolean[] timestampColumn = new boolean[0];
    private boolean[] jsonColumn = new boolean[0];
    private String[] jsonCells = new String[0];
    private char[][][] recentChars = new char[0][][];
    private String[][] recentValues = new String[0][];
    private int[] nextReplaced = new int[0];

    private long startingLineNumber;
    private int fieldCount;
    private int recordSize;
    private RecordType recordType = RecordType.DATA;

    SlotCsvHandler(SourceRecord record, long lineOffset, boolean expectHeader) {
        this.record = record;
        this.lineOffset = lineOffset;
        this.readingHeader = expectHeader;
    }

    /** Sets where each column goes once the header is known: a slot (-1 for none), whether it is JSON text. */
    void route(int[] slots, boolean[] json, FieldSpec spec) {
        int columns = slots.length;
        slotOfColumn = slots.clone();
        jsonColumn = json.clone();
        idColumn = new boolean[columns];
        timestampColumn = new boolean[columns];
        for (int i = 0; i < columns; i++) {
            idColumn[i] = slots[i] >= 0 && spec.isId(slots[i]);
            timestampColumn[i] = slots[i] >= 0 && spec.isTimestamp(slots[i]);
        }
        jsonCells = new String[columns];
        recentChars = new char[columns][RECENT_VALUES][];
        recentValues = new String[columns][RECENT_VALUES];
        nextReplaced = new int[columns];
        readingHeader = false;
    }

    /** The cells of the header row just read. */
    String[] headerCells() {
        return headerCells.toArray(String[]::new);
    }

    /** Physical line (1-based, within what this reader reads) where the current record starts. */
    long startingLineNumber() {
        return startingLineNumber;
    }

    int fieldCount() {
        return fieldCount;
    }

    SourceRecord record() {
        return record;
    }

    /** Text of a JSON column of the current data row (null if the row ended before it). */
    String jsonCell(int column) {
        return jsonCells[column];
    }

    @Override
    protected RecordType getRecordType() {
        return recordType;
    }

    @Override
    protected int getFieldCount() {
        return fieldCount;
    }

    @Override
    protected void beginRecord(long startingLine) {
        startingLineNumber = startingLine;
        fieldCount = 0;
        recordSize = 0;
        recordType = RecordType.DATA;
        if (readingHeader) {
            headerCells.clear();
        } else {
            record.reset(lineOffset + startingLine);
            Arrays.fill(jsonCells, null);
        }
    }

    @Override
    protected void addField(char[] buf, int offset, int len, boolean quoted) {
        if (len > MAX_FIELD_SIZE) {
            throw new CsvParseException(String.format("Field at index %d in record starting at line %d exceeds the "
                    + "max field size of %d characters", fieldCount, startingLineNumber, MAX_FIELD_SIZE));
        }
        recordSize += len;
        if (recordSize > MAX_RECORD_SIZE) {
            throw new CsvParseException(String.format("Field at index %d in record starting at line %d exceeds the "
                    + "max record size of %d characters", fieldCount, startingLineNumber, MAX_RECORD_SIZE));
        }
        if (fieldCount == MAX_FIELDS) {
            throw new CsvParseException(String.format("Record starting at line %d has surpassed the maximum limit "
                    + "of %d fields", startingLineNumber, MAX_FIELDS));
        }
        int column = fieldCount++;
        if (readingHeader) {
            headerCells.add(new String(buf, offset, len));
            return;
        }
        // Cells past the header's count make the row rejected as a whole (CsvRecordSource), so they are not kept.
        if (column >= slotOfColumn.length) {
            return;
        }
        int slot = slotOfColumn[column];
        if (slot >= 0) {
            if (idColumn[column] && setPlainId(slot, buf, offset, len)
                    || timestampColumn[column] && setIsoTimestamp(slot, buf, offset, len)) {
                return;
            }
            record.set(slot, stripped(column, buf, offset, len));
        } else if (jsonColumn[column]) {
            jsonCells[column] = new String(buf, offset, len);
        }
    }

    /** Stores a cell of only ASCII digits as an integer; false (nothing stored) for anything else. */
    private boolean setPlainId(int slot, char[] buf, int offset, int len) {
        if (len == 0 || len > MAX_ID_DIGITS) {
            return false;
        }
        long value = 0;
        for (int i = offset, end = offset + len; i < end; i++) {
            char c = buf[i];
            if (c < '0' || c > '9') {
                return false;
            }
            value = value * 10 + (c - '0');
        }
        record.setInteger(slot, value);
        return true;
    }

    /**
     * Stores a cell in the fast ISO shape as epoch milliseconds; false (nothing stored) for anything else. The text
     * rules ({@link ZendeskValues#epochMillis}) strip the text and read unsigned decimals as Unix seconds first:
     * {@link IsoTimestamps} answers only for text starting with four digits and a '-', which is neither padded nor
     * a decimal, so the fast shape means the same here as there.
     */
    private boolean setIsoTimestamp(int slot, char[] buf, int offset, int len) {
        long millis = IsoTimestamps.epochMillis(buf, offset, len);
        if (millis == IsoTimestamps.NOT_FAST) {
            return false;
        }
        record.setEpochMillis(slot, millis);
        return true;
    }

    /** The cell's text, stripped, reusing the string of a recent cell of the column with the same characters. */
    private String stripped(int column, char[] buf, int offset, int len) {
        if (len > MAX_REUSED_LENGTH) {
            return new String(buf, offset, len).strip();
        }
        char[][] chars = recentChars[column];
        for (int k = 0; k < RECENT_VALUES; k++) {
            if (sameChars(chars[k], buf, offset, len)) {
                return recentValues[column][k];
            }
        }
        String value = new String(buf, offset, len).strip();
        int k = nextReplaced[column];
        nextReplaced[column] = (k + 1) % RECENT_VALUES;
        chars[k] = Arrays.copyOfRange(buf, offset, offset + len);
        recentValues[column][k] = value;
        return value;
    }

    /*
     * A plain loop: the cells compared are a few characters long, where Arrays.equals' range checks and vectorised
     * mismatch set-up cost more than the comparison (13% of the events CSV parse in a profile).
     */
    private static boolean sameChars(char[] known, char[] buf, int offset, int len) {
        if (known == null || known.length != len) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (known[i] != buf[offset + i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    protected void setComment(char[] buf, int offset, int len) {
        recordType = RecordType.COMMENT;
    }

    @Override
    protected void setEmpty() {
        recordType = RecordType.EMPTY;
    }

    @Override
    protected SlotCsvHandler buildRecord() {
        return this;
    }
}
