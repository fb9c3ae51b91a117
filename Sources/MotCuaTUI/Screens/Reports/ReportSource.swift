import MotCuaCore
import MotCuaStore

/// What the reports view reads from: a store, today and the working calendar. The desk's
/// session and the board's both give it, so `M-5` shows the same figures on either.
public protocol ReportSource: AnyObject {
    var db: any DeskStore { get }
    var today: LocalDate { get }
    var calendar: WorkingCalendar { get }
}

extension DeskSession: ReportSource {}
extension BoardSession: ReportSource {}
