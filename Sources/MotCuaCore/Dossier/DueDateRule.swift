import Foundation

/// The due date printed on the receipt (Mẫu 01, Thông tư 03/2025/TT-VPCP).
public enum DueDateRule {
    /// Received + the procedure's working days, by the working calendar. The late-day cut-off is
    /// the procedure's own (e.g. chứng thực after 15:00, Nghị định 23/2015/NĐ-CP), else the desk's
    /// default; Nghị định 118/2025/NĐ-CP itself sets no general cut-off.
    public static func dueDate(procedure: Procedure, receivedAt: Date, calendar: WorkingCalendar, profile: DeskProfile) -> LocalDate {
        calendar.dueDate(receivedAt: VietnamTime.local(receivedAt), workingDays: procedure.processingDays,
                         cutoffMinuteOfDay: procedure.cutoffMinuteOfDay ?? profile.defaultCutoffMinute)
    }
}
