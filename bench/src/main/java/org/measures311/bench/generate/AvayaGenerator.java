package org.measures311.bench.generate;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes the Avaya part of a synthetic landing zone: one tab-delimited "311 Multi-Day Multi-Skill" export per
 * month (CMS preamble, header, a row per day per skill, a Totals row), a later re-export of one day that
 * corrects some skills' figures, and the supervisors' skill list (30 of the 40 skills, two with validity
 * ranges). Every average is a whole number of seconds so that sums of seconds are exact.
 */
final class AvayaGenerator {
    static final int FIRST_SKILL = 101;
    /** The preamble lines before the header (title, skill, dates, zone, blank): fixed so SQL can skip them. */
    static final int PREAMBLE_LINES = 5;
    static final String HEADER = "Date\tSplit/Skill\tACD Calls\tAban Calls\tCalls Offered\tAvg Speed Ans\tAvg Aban Time"
            + "\tAvg ACD Time\tAvg ACW Time\tACD Time\tACW Time\tAcceptable\t% Within Service Level\tFlow In\tFlow Out"
            + "\tMax Delay";
    private static final String[] NAMES = {"General Info", "Solid Waste", "Parking", "Linea en Espanol", "Water",
            "Streets", "Permits", "Parks", "Noise", "Graffiti"};

    private final GeneratorSpec spec;
    private final SplittableRandom random;

    AvayaGenerator(GeneratorSpec spec) {
        this.spec = spec;
        this.random = new SplittableRandom(spec.seed() * 31 + 7);
    }

    static String label(int skill) {
        int i = skill - FIRST_SKILL;
        return skill + " - " + NAMES[i % NAMES.length] + (i >= NAMES.length ? " " + (i / NAMES.length + 1) : "");
    }

    /** One skill-day as CMS reports it; every time is a whole number of seconds. */
    record SkillDay(LocalDate date, int skill, int acd, int aban, int asa, int avgAban, int avgAcd, int avgAcw,
                    int acceptable, int flowIn, int flowOut, int maxDelay) {
        int offered() {
            return acd + aban;
        }

        /** The re-export after a late agent-state fix: 12 more calls answered within the service level. */
        SkillDay corrected() {
            return new SkillDay(date, skill, acd + 12, aban, asa, avgAban, avgAcd, avgAcw, acceptable + 12, flowIn,
                    flowOut, maxDelay);
        }
    }

    /** The monthly exports in landing order; the correcting re-export is the last file. */
    List<Path> writeExports(Path avayaDir) throws IOException {
        List<Path> files = new ArrayList<>();
        LocalDate correctedDay = LocalDate.of(spec.year(), 6, 30);
        List<SkillDay> corrections = new ArrayList<>();
        for (int month = 1; month <= 12; month++) {
            YearMonth ym = YearMonth.of(spec.year(), month);
            Path file = avayaDir.resolve(ym + "/311_multi_day_multi_skill_" + ym + ".txt");
            Files.createDirectories(file.getParent());
            try (AsciiWriter w = new AsciiWriter(new BufferedOutputStream(Files.newOutputStream(file)))) {
                preamble(w, ym.atDay(1), ym.atEndOfMonth());
                long acdTotal = 0;
                long abanTotal = 0;
                for (LocalDate d = ym.atDay(1); !d.isAfter(ym.atEndOfMonth()); d = d.plusDays(1)) {
                    for (int s = 0; s < GeneratorSpec.SKILLS; s++) {
                        SkillDay row = day(d, s);
                        acdTotal += row.acd();
                        abanTotal += row.aban();
                        row(w, row);
                        if (d.equals(correctedDay) && s % 4 == 0) {
                            corrections.add(row.corrected());
                        }
                    }
                }
                w.text("Totals\t\t").number(acdTotal).ch('\t').number(abanTotal).text("\n");
            }
            files.add(file);
        }
        Path reexport = avayaDir.resolve(correctedDay.getYear() + "-12/311_reexport_" + correctedDay + ".txt");
        Files.createDirectories(reexport.getParent());
        try (AsciiWriter w = new AsciiWriter(new BufferedOutputStream(Files.newOutputStream(reexport)))) {
            preamble(w, correctedDay, correctedDay);
            for (SkillDay c : corrections) {
                row(w, c);
            }
        }
        files.add(reexport);
        return files;
    }

    /** reference/skills.csv: the first 30 skills; one joins the list in March, one leaves it after September. */
    void writeSkillList(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        StringBuilder sb = new StringBuilder("skill,valid_from,valid_to\n");
        for (int s = 0; s < GeneratorSpec.LISTED_SKILLS; s++) {
            int skill = FIRST_SKILL + s;
            sb.append('"').append(label(skill)).append('"').append(',');
            if (s == GeneratorSpec.LISTED_SKILLS - 2) {
                sb.append(spec.year()).append("-03-01");
            }
            sb.append(',');
            if (s == GeneratorSpec.LISTED_SKILLS - 1) {
                sb.append(spec.year()).append("-09-30");
            }
            sb.append('\n');
        }
        Files.writeString(file, sb);
    }

    private void preamble(AsciiWriter w, LocalDate from, LocalDate to) throws IOException {
        w.text("311 Multi-Day Multi-Skill\n").text("Split/Skill:\t311 skills\n")
                .text("Dates:\t" + us(from) + " - " + us(to) + "\n").text("Time Zone:\tPacific\n").text("\n");
        w.text(HEADER).ch('\n');
    }

    private SkillDay day(LocalDate d, int skill) {
        boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
        int base = 12 + (GeneratorSpec.SKILLS - skill) * 9;
        int acd = weekend ? base / 4 + random.nextInt(base / 4 + 1) : base + random.nextInt(base / 2 + 1);
        if (random.nextInt(200) == 0) {
            acd = 0;
        }
        int aban = acd * (2 + random.nextInt(9)) / 100;
        int asa = acd == 0 ? 0 : 5 + random.nextInt(295);
        return new SkillDay(d, FIRST_SKILL + skill, acd, aban, asa, aban == 0 ? 0 : 10 + random.nextInt(170),
                acd == 0 ? 0 : 120 + random.nextInt(480), acd == 0 ? 0 : 15 + random.nextInt(90),
                acd * (60 + random.nextInt(40)) / 100, random.nextInt(10), random.nextInt(10), asa * 3);
    }

    private static void row(AsciiWriter w, SkillDay r) throws IOException {
        int offered = r.offered();
        long slPercent = offered == 0 ? 0 : Math.round(r.acceptable() * 100.0 / offered);
        w.text(us(r.date())).ch('\t').text(label(r.skill())).ch('\t').number(r.acd()).ch('\t').number(r.aban())
                .ch('\t').number(offered).ch('\t').text(minutesSeconds(r.asa())).ch('\t')
                .text(minutesSeconds(r.avgAban())).ch('\t').text(minutesSeconds(r.avgAcd())).ch('\t')
                .text(minutesSeconds(r.avgAcw())).ch('\t').text(hoursMinutesSeconds((long) r.avgAcd() * r.acd()))
                .ch('\t').text(hoursMinutesSeconds((long) r.avgAcw() * r.acd())).ch('\t').number(r.acceptable())
                .ch('\t').number(slPercent).text("%").ch('\t').number(r.flowIn()).ch('\t').number(r.flowOut())
                .ch('\t').text(minutesSeconds(r.maxDelay())).ch('\n');
    }

    static String minutesSeconds(long seconds) {
        return seconds / 60 + ":" + twoDigits(seconds % 60);
    }

    static String hoursMinutesSeconds(long seconds) {
        return seconds / 3600 + ":" + twoDigits(seconds / 60 % 60) + ":" + twoDigits(seconds % 60);
    }

    private static String twoDigits(long v) {
        return v < 10 ? "0" + v : Long.toString(v);
    }

    private static String us(LocalDate d) {
        return d.getMonthValue() + "/" + d.getDayOfMonth() + "/" + d.getYear();
    }
}
