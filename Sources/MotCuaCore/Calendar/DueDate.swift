/// A due date (ngày hẹn trả) with what it rests on, for display: when the count crossed days off
/// that are only the program's default (a year whose Tết or 2/9 announcement is not entered
/// yet), the date is provisional and is shown with `mark` and `note`.
public struct DueDate: Hashable, Sendable {
    public let date: LocalDate
    /// The day the count starts from (the receiving day, or the next working day after a
    /// cut-off or a non-working day).
    public let countedFrom: LocalDate
    /// Provisional days off between the receipt and the due date, sorted by date.
    public let provisional: [CalendarDay]

    public init(date: LocalDate, countedFrom: LocalDate, provisional: [CalendarDay]) {
        self.date = date; self.countedFrom = countedFrom; self.provisional = provisional
    }

    /// Printed right after the date wherever a provisional due date is shown, and before its note.
    public static let mark = "*"

    public var isProvisional: Bool { !provisional.isEmpty }

    /// `dự kiến — chưa có thông báo nghỉ Tết 2027`, or nil when nothing provisional was crossed.
    public var note: Localized? { ProvisionalHoliday.note(for: provisional.compactMap(\.provisional)) }

    /// `11/02/2027*` or `11/02/2027`.
    public var vietnameseWithMark: String { date.vietnamese + (isProvisional ? DueDate.mark : "") }
}
