import Foundation

/// The due date printed on the receipt (Mẫu 01, Thông tư 03/2025/TT-VPCP).
public enum DueDateRule {
    /// Received + the procedure's processing time, in the procedure's unit. The late-day cut-off
    /// is the procedure's own (e.g. chứng thực after 15:00, Nghị định 23/2015/NĐ-CP), else the
    /// desk's default; Nghị định 118/2025/NĐ-CP itself sets no general cut-off.
    public static func dueDate(procedure: Procedure, receivedAt: Date, calendar: WorkingCalendar, profile: DeskProfile) -> LocalDate {
        dueDate(receivedAt: VietnamTime.local(receivedAt), count: procedure.processingDays, unit: procedure.processingUnit,
                cutoffMinuteOfDay: procedure.cutoffMinuteOfDay ?? profile.defaultCutoffMinute, calendar: calendar)
    }

    /// The due date with what it rests on: marked provisional when the count crossed a default
    /// Tết or 2/9 day of a year whose announcement is not entered yet (shown with `DueDate.mark`
    /// and its note at the desk, on the CLI and on the receipt).
    public static func due(procedure: Procedure, receivedAt: Date, calendar: WorkingCalendar, profile: DeskProfile) -> DueDate {
        annotate(dueDate(procedure: procedure, receivedAt: receivedAt, calendar: calendar, profile: profile),
                 receivedAt: VietnamTime.local(receivedAt), procedure: procedure, calendar: calendar, profile: profile)
    }

    /// A stored dossier's due date, annotated the same way (the mark goes once the year's
    /// announcement is entered). The procedure's cut-off, when known, places the counting start.
    public static func due(of dossier: Dossier, procedure: Procedure?, calendar: WorkingCalendar, profile: DeskProfile) -> DueDate {
        annotate(dossier.dueDate, receivedAt: VietnamTime.local(dossier.receivedAt), procedure: procedure,
                 calendar: calendar, profile: profile)
    }

    /// Which provisional days a due date rests on. In working days, every one crossed. In
    /// calendar days Tết inside the period counts like any day, so only a provisional day that
    /// moved the start (the receiving day) or the end (a last day on a holiday) matters.
    static func annotate(_ date: LocalDate, receivedAt t: LocalDateTime, procedure: Procedure?, calendar: WorkingCalendar,
                         profile: DeskProfile) -> DueDate {
        let cutoff = procedure?.cutoffMinuteOfDay ?? profile.defaultCutoffMinute
        guard let procedure, procedure.processingUnit == .days else {
            return calendar.annotated(dueDate: date, receivedAt: t, cutoffMinuteOfDay: cutoff)
        }
        let start = calendar.effectiveReceivingDay(receivedAt: t, cutoffMinuteOfDay: cutoff)
        let lastDay = start.adding(days: max(0, procedure.processingDays))
        let provisional = calendar.provisionalDays(after: t.date.adding(days: -1), through: start.adding(days: -1))
            + calendar.provisionalDays(after: lastDay.adding(days: -1), through: date)
        return DueDate(date: date, countedFrom: start, provisional: provisional)
    }

    /// The counting rule itself (design.md, "Counting"), for either unit.
    ///
    /// Both units start from the same day: the effective receiving day, i.e. the receiving day,
    /// or the next working day when the dossier came at/after the cut-off or on a day the desk is
    /// closed (an online or postal dossier on a Sunday is received on Monday). The cut-off is
    /// about when the desk took the dossier in, not about the unit the law counts in.
    ///
    /// - Working days: the Nth working day after that day.
    /// - Calendar days ("30 ngày"): every day counts, Tết and weekends included. Bộ luật Dân sự
    ///   2015 Điều 147 khoản 2: a limit in days does not count its first day, so the count runs
    ///   from the day after receipt and the Nth day after it is the last day. Điều 148 khoản 5:
    ///   when that last day is a weekly rest day or a holiday, the limit ends at the end of the
    ///   next working day, so the due date moves to the next working day of the calendar (which
    ///   knows Tết, compensatory days and announced swaps).
    ///
    /// `count` = 0 is the same day in both units; a negative count is treated as 0.
    public static func dueDate(receivedAt t: LocalDateTime, count: Int, unit: ProcessingUnit, cutoffMinuteOfDay: Int?,
                               calendar: WorkingCalendar) -> LocalDate {
        switch unit {
        case .workingDays:
            return calendar.dueDate(receivedAt: t, workingDays: count, cutoffMinuteOfDay: cutoffMinuteOfDay)
        case .days:
            let start = calendar.effectiveReceivingDay(receivedAt: t, cutoffMinuteOfDay: cutoffMinuteOfDay)
            return calendar.nextWorkingDay(onOrAfter: start.adding(days: max(0, count)))
        }
    }
}
