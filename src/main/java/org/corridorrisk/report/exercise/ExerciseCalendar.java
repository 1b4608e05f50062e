package org.corridorrisk.report.exercise;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Calendar dates of trial days. With a scenario {@code start_date}, day d is that date + d days
 * (ISO {@code 2023-10-13}). Without one, day 0 is 1 January of a non-leap year (the scenario
 * format's rule) and no year is named: the ISO 8601 month-day form {@code --01-13}, shown as {@code
 * 13 Jan}.
 */
public final class ExerciseCalendar {
  /** Day 0 without a start date (a non-leap year, used only to count months and days). */
  private static final LocalDate NOTIONAL_DAY_ZERO =
      org.corridorrisk.model.Incidents.DEFAULT_DAY_ZERO;

  private final LocalDate start;

  /**
   * @param startDate the scenario's start date, or {@code null}
   */
  public ExerciseCalendar(LocalDate startDate) {
    this.start = startDate;
  }

  /** The start date, or {@code null} when the scenario has none. */
  public LocalDate startDate() {
    return start;
  }

  /** ISO date of {@code day}: {@code 2023-10-13}, or {@code --01-13} without a start date. */
  public String isoDate(int day) {
    if (start != null) {
      return start.plusDays(day).toString();
    }
    LocalDate d = NOTIONAL_DAY_ZERO.plusDays(day);
    return String.format(Locale.ROOT, "--%02d-%02d", d.getMonthValue(), d.getDayOfMonth());
  }

  /** A short readable date: {@code Fri 13 Oct 2023}, or {@code 13 Jan} without a start date. */
  public String label(int day) {
    if (start != null) {
      return start.plusDays(day).format(DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.UK));
    }
    return NOTIONAL_DAY_ZERO.plusDays(day).format(DateTimeFormatter.ofPattern("d MMM", Locale.UK));
  }

  /** Clock time {@code HH:MM} of a continuous time in days (the fraction of the day). */
  public static String clock(double timeDays) {
    double frac = timeDays - Math.floor(timeDays);
    int minutes = (int) Math.floor(frac * 24 * 60 + 1e-9);
    minutes = Math.max(0, Math.min(24 * 60 - 1, minutes));
    return String.format(Locale.ROOT, "%02d:%02d", minutes / 60, minutes % 60);
  }
}
