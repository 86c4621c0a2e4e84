import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes the demo landing zone's Avaya CMS exports and skill list (samples/landing/avaya, samples/landing/reference).
 * Invented, deterministic data (fixed seed): no real calls, people or skills. Run from the repository root:
 *
 *   java samples/GenerateAvayaSamples.java
 *
 * Each file is one CMS Supervisor export variant the reader accepts (see samples/README.md, section "Avaya").
 */
public class GenerateAvayaSamples {
    record Skill(int number, String name, int dailyCalls) {
        String label() {
            return number + " - " + name;
        }
    }

    /** Four 311 skills and one that is not 311's (it is left out of skills.csv). */
    static final List<Skill> SKILLS = List.of(
            new Skill(101, "General Info", 260),
            new Skill(102, "Solid Waste", 90),
            new Skill(103, "Parking", 40),
            new Skill(104, "Línea en Español", 35),
            new Skill(210, "Water Billing", 120));

    /** One day of one skill, as CMS reports it. */
    record Day(LocalDate date, Skill skill, int acd, int aban, int asa, int avgAban, int avgAcd, int avgAcw,
               int withinSlPercent, int flowIn, int flowOut, int maxDelay) {
        int offered() {
            return acd + aban;
        }
    }

    static final DateTimeFormatter US = DateTimeFormatter.ofPattern("M/d/yyyy");
    static final Charset CP1252 = Charset.forName("windows-1252");

    public static void main(String[] args) throws IOException {
        Path landing = Path.of(args.length > 0 ? args[0] : "samples/landing");
        Random random = new Random(311);
        List<Day> days = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2025, 6, 1); !d.isAfter(LocalDate.of(2025, 7, 31)); d = d.plusDays(1)) {
            for (Skill s : SKILLS) {
                days.add(day(d, s, random));
            }
        }
        Path avaya = landing.resolve("avaya");
        Files.createDirectories(avaya.resolve("2025-06"));
        Files.createDirectories(avaya.resolve("2025-07"));
        Files.createDirectories(avaya.resolve("2025-08"));
        Files.createDirectories(landing.resolve("reference"));

        List<Day> june = days.stream().filter(d -> d.date().getMonthValue() == 6).toList();
        write(avaya.resolve("2025-06/311_multi_day_multi_skill_2025-06.txt"), tabReport(june,
                "Dates:\t6/1/2025 - 6/30/2025"), StandardCharsets.UTF_8, "\r\n");
        List<Day> julyTo30 = days.stream().filter(d -> d.date().getMonthValue() == 7 && d.date().getDayOfMonth() < 31).toList();
        write(avaya.resolve("2025-07/cms_export_2025-07-01_2025-07-30.csv"), commaReport(julyTo30), CP1252, "\r\n");
        List<Day> july31 = days.stream().filter(d -> d.date().equals(LocalDate.of(2025, 7, 31))).toList();
        write(avaya.resolve("2025-08/311_daily_2025-07-31.txt"), singleDayReport(july31), StandardCharsets.UTF_8, "\n");

        // CMS re-export of 6/30 after a late agent-state correction: General Info gains 12 answered calls.
        List<Day> corrected = new ArrayList<>();
        for (Day d : june) {
            if (d.date().getDayOfMonth() == 30) {
                corrected.add(d.skill().number() == 101
                        ? new Day(d.date(), d.skill(), d.acd() + 12, d.aban(), d.asa(), d.avgAban(), d.avgAcd(), d.avgAcw(),
                        d.withinSlPercent(), d.flowIn(), d.flowOut(), d.maxDelay())
                        : d);
            }
        }
        write(avaya.resolve("2025-08/311_multi_day_multi_skill_2025-06-30_reexport.txt"), tabReport(corrected,
                "Dates:\t6/30/2025 - 6/30/2025"), StandardCharsets.UTF_8, "\r\n");

        write(landing.resolve("reference/skills.csv"), List.of(
                "skill,valid_from,valid_to",
                "101 - General Info,,",
                "102 - Solid Waste,,",
                "103 - Parking,,6/30/2025",
                "Línea en Español,,"), StandardCharsets.UTF_8, "\n");
    }

    static Day day(LocalDate date, Skill skill, Random random) {
        boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
        boolean holiday = date.equals(LocalDate.of(2025, 7, 4));
        double load = (weekend ? 0.45 : 1.0) * (holiday ? 0.3 : 1.0) * (0.8 + 0.4 * random.nextDouble());
        int offered = Math.max(1, (int) Math.round(skill.dailyCalls() * load));
        int asa = 15 + random.nextInt(110);
        double abanRate = 0.03 + asa / 1200.0;
        int aban = (int) Math.round(offered * abanRate);
        int acd = offered - aban;
        int withinSl = Math.max(40, Math.min(99, 100 - asa / 3 - random.nextInt(6)));
        return new Day(date, skill, acd, aban, asa, 25 + random.nextInt(70), 170 + random.nextInt(140),
                15 + random.nextInt(50), withinSl, random.nextInt(4), random.nextInt(6), 180 + random.nextInt(700));
    }

    /** CMS Supervisor's tab-delimited "Export Report Data": preamble, one Totals row per report, a footer. */
    static List<String> tabReport(List<Day> days, String datesLine) {
        List<String> lines = new ArrayList<>(List.of(
                "311 Multi-Day Multi-Skill",
                "Split/Skill:\t101; 102; 103; 104; 210",
                datesLine,
                "Time Zone:\tDefault",
                "",
                String.join("\t", "Date", "Split/Skill", "ACD Calls", "Aban Calls", "Avg Speed Ans", "Avg Aban Time",
                        "Avg ACD Time", "Avg ACW Time", "% Within Service Level", "Flow In", "Flow Out", "Max Delay")));
        int acd = 0;
        int aban = 0;
        for (Day d : days) {
            lines.add(String.join("\t", US.format(d.date()), d.skill().label(), thousands(d.acd()),
                    Integer.toString(d.aban()), mss(d.asa()), mss(d.avgAban()), mss(d.avgAcd()), mss(d.avgAcw()),
                    d.withinSlPercent() + "%", Integer.toString(d.flowIn()), Integer.toString(d.flowOut()), mss(d.maxDelay())));
            acd += d.acd();
            aban += d.aban();
        }
        lines.add(String.join("\t", "Totals", "", thousands(acd), thousands(aban), "", "", "", "", "", "", "", ""));
        lines.add("");
        lines.add("Avaya CMS Supervisor - report data exported for demonstration");
        return lines;
    }

    /** A comma export re-saved from a spreadsheet: quoted, raw time totals, Calls Offered and Acceptable. */
    static List<String> commaReport(List<Day> days) {
        List<String> lines = new ArrayList<>(List.of(
                "\"311 Split/Skill Summary\"",
                "\"Date\",\"Split/Skill\",\"Calls Offered\",\"ACD Calls\",\"Abandoned Calls\",\"Avg Speed Ans\","
                        + "\"Avg Aban Time\",\"ACD Time\",\"ACW Time\",\"Hold Time\",\"Acceptable\",\"Max Delay\""));
        for (Day d : days) {
            long acdTime = (long) d.acd() * d.avgAcd();
            long acwTime = (long) d.acd() * d.avgAcw();
            long holdTime = (long) d.acd() * 9;
            long acceptable = Math.round(d.withinSlPercent() * d.offered() / 100.0);
            lines.add(String.join(",", q(d.date().toString()), q(d.skill().label()), q(thousands(d.offered())),
                    q(thousands(d.acd())), q(Integer.toString(d.aban())), q(Integer.toString(d.asa())), q(mss(d.avgAban())),
                    q(hmmss(acdTime)), q(hmmss(acwTime)), q(hmmss(holdTime)), q(thousands(acceptable)), q(hmmss(d.maxDelay()))));
        }
        return lines;
    }

    /** A single-day report: the date only in the preamble, no Date column. */
    static List<String> singleDayReport(List<Day> days) {
        List<String> lines = new ArrayList<>(List.of(
                "311 Daily Split/Skill Report",
                "Date:\t" + US.format(days.get(0).date()),
                "Time Zone:\tDefault",
                "",
                String.join("\t", "Split/Skill", "ACD Calls", "Aban Calls", "Calls Offered", "Avg Speed Ans",
                        "Avg Aban Time", "Avg ACD Time", "Avg ACW Time", "% Within Service Level")));
        for (Day d : days) {
            lines.add(String.join("\t", d.skill().label(), Integer.toString(d.acd()), Integer.toString(d.aban()),
                    Integer.toString(d.offered()), Integer.toString(d.asa()), mss(d.avgAban()), mss(d.avgAcd()),
                    shortMss(d.avgAcw()),
                    Integer.toString(d.withinSlPercent())));
        }
        lines.add("Summary\t" + days.stream().mapToInt(Day::acd).sum() + "\t" + days.stream().mapToInt(Day::aban).sum());
        return lines;
    }

    static String q(String s) {
        return "\"" + s + "\"";
    }

    static String thousands(long n) {
        return String.format("%,d", n);
    }

    static String mss(int seconds) {
        return seconds / 60 + ":" + String.format("%02d", seconds % 60);
    }

    /** CMS drops the minutes under a minute: ":42". */
    static String shortMss(int seconds) {
        return seconds < 60 ? ":" + String.format("%02d", seconds) : mss(seconds);
    }

    static String hmmss(long seconds) {
        return seconds / 3600 + ":" + String.format("%02d:%02d", seconds / 60 % 60, seconds % 60);
    }

    static void write(Path file, List<String> lines, Charset charset, String newline) throws IOException {
        Files.write(file, (String.join(newline, lines) + newline).getBytes(charset));
    }
}
