import MotCuaCore
import MotCuaStore

/// Báo cáo (`M-5`): a month's statistics at the desk, the same figures as `motcua report`
/// (`Report.build` in MotCuaCore), with bar charts. This month first; ←/→ (`calendar.prev` /
/// `calendar.next`) move a month back or on, `t` comes back to this month. It only reads.
public final class ReportsScreen: Screen {
    public let session: any ReportSource
    /// How the clerk or supervisor leaves it: the queue (`M-1`) at the desk, back to the board
    /// (`Esc`) on the board.
    let leave: Action
    public private(set) var period: ReportPeriod
    public private(set) var report: Report?
    /// The last load failed: the last figures stay shown, with a warning.
    public private(set) var loadFailed = false

    public init(session: any ReportSource, period: ReportPeriod? = nil, leave: Action = .viewQueue) {
        self.session = session
        self.leave = leave
        self.period = period ?? .month(containing: session.today)
        reload()
    }

    public var keyContext: KeyContext { .reports }
    static let actions: Set<Action> = [.calendarPrev, .calendarNext, .calendarToday]
    public var implementedActions: Set<Action> { Self.actions }
    /// Read-only statistics: C-z here would take back a queue or dossier action the clerk
    /// cannot see, without asking (a trial did), so undo does not work on this screen.
    public var withheldCommands: Set<Action> { [.undo] }
    public var barActions: [Action] { [.help, .calendarPrev, .calendarNext, .calendarToday, leave, .quit] }

    public func text(for action: Action) -> ActionText? { Self.text(for: action) }

    static func text(for action: Action) -> ActionText? {
        switch action {
        case .calendarPrev: ActionText(vi: "Tháng trước", "Báo cáo tháng trước", en: "Prev month", "The previous month's report")
        case .calendarNext: ActionText(vi: "Tháng sau", "Báo cáo tháng sau", en: "Next month", "The next month's report")
        case .calendarToday: ActionText(vi: "Tháng này", "Về báo cáo tháng này", en: "This month", "Back to this month's report")
        default: nil
        }
    }

    public func refresh(host: ScreenHost) { reload() }

    func reload() {
        do {
            report = try session.db.report(period: period, today: session.today, calendar: session.calendar)
            loadFailed = false
        } catch {
            loadFailed = true
        }
    }

    public func statusNote(host: ScreenHost) -> StatusNote? {
        guard loadFailed else { return nil }
        return StatusNote(host.language == .en ? "Cannot read the data — retrying" : "Không đọc được dữ liệu — đang thử lại", warning: true)
    }

    public func perform(_ action: Action, host: ScreenHost) -> Bool {
        switch action {
        case .calendarPrev: show(period.shiftedMonths(-1))
        case .calendarNext: show(period.shiftedMonths(1))
        case .calendarToday: show(.month(containing: session.today))
        default: return false
        }
        return true
    }

    private func show(_ p: ReportPeriod) {
        period = p
        report = nil
        reload()
    }

    public func render(into g: inout CellGrid, top: Int, bottom: Int, host: ScreenHost) {
        guard let report else {
            g.put(row: top, col: 1, text: host.language == .en ? "No figures." : "Không có số liệu.")
            return
        }
        ReportsView.render(report, into: &g, top: top, bottom: bottom, language: host.language,
                           unicode: host.symbols == .unicode, dot: host.symbols.dot)
    }
}
