package tradebook.plan;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plan's run times in its market's time zone: a comma list of {@code HH:MM[:SS]} and ranges
 * {@code HH:MM[:SS]-HH:MM[:SS]/<step>} (step {@code 30min}, {@code 1h}, {@code 90s}, {@code 15m}),
 * the end included when a step lands on it: {@code 9:30:01-16:00/30min} is 13 runs, 09:30:01 ..
 * 15:30:01. Runs happen on the calendar's trading days only; on an early-close day the times
 * after the early close and up to the regular close are skipped (the market is shut then).
 */
public final class Schedule {
    private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{2})(?::(\\d{2}))?");
    private static final Pattern STEP = Pattern.compile("(\\d+)\\s*(s|sec|secs|second|seconds|m|min|mins|minute|minutes|h|hr|hour|hours)");

    private final String text;
    private final List<LocalTime> times;

    private Schedule(String text, List<LocalTime> times) {
        this.text = text;
        this.times = times;
    }

    public List<LocalTime> times() {
        return times;
    }

    @Override public String toString() {
        return text;
    }

    public static Schedule parse(String text) {
        if (text == null || text.isBlank()) throw new PlanException("no run times (e.g. \"9:30:01\" or \"9:30:01-16:00/30min\")");
        TreeSet<LocalTime> out = new TreeSet<>();
        for (String part : text.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) throw new PlanException("run times \"" + text + "\": an empty item between commas");
            int slash = p.indexOf('/');
            if (slash < 0) {
                if (p.contains("-")) throw new PlanException("run times: range \"" + p + "\" needs a step, e.g. " + p + "/30min");
                out.add(time(p, text));
                continue;
            }
            String[] ends = p.substring(0, slash).split("-");
            if (ends.length != 2) throw new PlanException("run times: \"" + p + "\" is not START-END/STEP (e.g. 9:30-16:00/30min)");
            LocalTime from = time(ends[0].trim(), text), to = time(ends[1].trim(), text);
            if (to.isBefore(from)) throw new PlanException("run times: range \"" + p + "\" ends (" + to + ") before it starts (" + from + ")");
            Duration step = step(p.substring(slash + 1).trim(), p);
            for (LocalTime t = from; !t.isAfter(to); t = t.plus(step)) {
                out.add(t);
                if (t.plus(step).isBefore(t)) break; // passed midnight
            }
        }
        return new Schedule(text.trim(), List.copyOf(out));
    }

    private static LocalTime time(String s, String all) {
        Matcher m = TIME.matcher(s);
        if (!m.matches()) throw new PlanException("run times \"" + all + "\": \"" + s + "\" is not a time HH:MM or HH:MM:SS");
        int h = Integer.parseInt(m.group(1)), min = Integer.parseInt(m.group(2)), sec = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        if (h > 23 || min > 59 || sec > 59) throw new PlanException("run times \"" + all + "\": \"" + s + "\" is not a time of day");
        return LocalTime.of(h, min, sec);
    }

    private static Duration step(String s, String part) {
        Matcher m = STEP.matcher(s.toLowerCase(java.util.Locale.ROOT));
        if (!m.matches()) throw new PlanException("run times: step \"" + s + "\" in \"" + part + "\" is not like 30min, 1h or 90s");
        long n = Long.parseLong(m.group(1));
        Duration d = switch (m.group(2).charAt(0)) {
            case 's' -> Duration.ofSeconds(n);
            case 'm' -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
        if (d.isZero()) throw new PlanException("run times: step \"" + s + "\" in \"" + part + "\" is zero");
        return d;
    }

    /** Whether a run at {@code t} on {@code day} happens: a trading day, and not in the shut part of an early-close day. */
    public Optional<String> skipReason(LocalDate day, LocalTime t, MarketCalendar cal) {
        Optional<String> closed = cal.closedBecause(day);
        if (closed.isPresent()) return Optional.of(day + " is not a trading day (" + closed.get() + ")");
        Optional<LocalTime> early = cal.earlyClose(day);
        if (early.isPresent() && t.isAfter(early.get()) && !t.isAfter(cal.regularClose())) {
            return Optional.of(day + " closes early at " + early.get());
        }
        return Optional.empty();
    }

    /** The first run strictly after {@code after}, looking up to 30 days ahead; empty when none. */
    public Optional<Instant> nextAfter(Instant after, ZoneId zone, MarketCalendar cal) {
        ZonedDateTime z = after.atZone(zone);
        LocalDate day = z.toLocalDate();
        for (int k = 0; k < 30; k++, day = day.plusDays(1)) {
            for (LocalTime t : times) {
                Instant at = ZonedDateTime.of(day, t, zone).toInstant();
                if (!at.isAfter(after)) continue;
                if (skipReason(day, t, cal).isEmpty()) return Optional.of(at);
            }
        }
        return Optional.empty();
    }

    /** The next {@code n} runs after {@code after}. */
    public List<Instant> next(Instant after, ZoneId zone, MarketCalendar cal, int n) {
        List<Instant> out = new ArrayList<>();
        Instant t = after;
        while (out.size() < n) {
            Optional<Instant> x = nextAfter(t, zone, cal);
            if (x.isEmpty()) break;
            out.add(x.get());
            t = x.get();
        }
        return out;
    }
}
