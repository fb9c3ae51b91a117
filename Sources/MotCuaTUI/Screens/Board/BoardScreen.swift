import MotCuaCore

/// The supervisor's board, one page: each counter (clerk, the ticket served and since when,
/// served today), the waiting people by group with the longest and median wait and the
/// no-shows, the next appointments, and the lists to look into (Enter opens the selected one).
/// Read-only: it implements movement and opening only.
public final class BoardScreen: Screen {
    public let session: BoardSession
    public private(set) var summary: BoardSummary?
    public private(set) var loadFailed = false
    /// The drill-down selected (its index in `BoardSummary.DetailKind.allCases`).
    public private(set) var selected = 0

    public init(session: BoardSession) {
        self.session = session
        reload()
    }

    public var keyContext: KeyContext { .board }
    static let actions: Set<Action> = [.itemOpen, .cursorUp, .cursorDown, .cursorFirst, .cursorLast]
    public var implementedActions: Set<Action> { Self.actions }
    public var barActions: [Action] { [.help, .itemOpen, .cursorDown, .cursorUp, .viewReports, .quit] }

    public func text(for action: Action) -> ActionText? { Self.text(for: action) }

    static func text(for action: Action) -> ActionText? {
        switch action {
        case .itemOpen: ActionText(vi: "Chi tiết", "Xem danh sách đang chọn (ai đang chờ, hồ sơ trễ…)",
                                   en: "Details", "Open the selected list (who waits, late dossiers…)")
        case .cursorUp, .cursorDown, .cursorFirst, .cursorLast:
            ActionText(label: action.label, help: Localized(vi: action.helpLine.vi + " trong các danh sách",
                                                            en: action.helpLine.en + " among the lists"))
        default: nil
        }
    }

    public func refresh(host: ScreenHost) { reload() }

    private func reload() {
        if let s = session.load() {
            summary = s
            loadFailed = false
        } else {
            loadFailed = true
        }
    }

    public func statusNote(host: ScreenHost) -> StatusNote? {
        if let problem = session.fileProblem { return StatusNote(problem.text(host.language), warning: true) }
        return loadFailed ? StatusNote(host.language == .en ? "Cannot read the data — retrying" : "Không đọc được dữ liệu — đang thử lại",
                                warning: true) : nil
    }

    public func perform(_ action: Action, host: ScreenHost) -> Bool {
        let last = BoardSummary.DetailKind.allCases.count - 1
        switch action {
        case .cursorUp: selected = max(0, selected - 1)
        case .cursorDown: selected = min(last, selected + 1)
        case .cursorFirst: selected = 0
        case .cursorLast: selected = last
        case .itemOpen:
            guard let summary else { return true }
            let kind = BoardSummary.DetailKind.allCases[selected]
            host.push(BoardListScreen(session: session, kind: kind, initial: summary.detail(kind)))
        default: return false
        }
        return true
    }

    public func render(into g: inout CellGrid, top: Int, bottom: Int, host: ScreenHost) {
        guard let summary else {
            g.put(row: top + 1, col: 1, text: host.language == .en ? "Reading the data…" : "Đang đọc dữ liệu…")
            return
        }
        BoardView.render(summary, selected: selected, into: &g, top: top, bottom: bottom, language: host.language,
                         symbols: host.symbols)
    }
}
