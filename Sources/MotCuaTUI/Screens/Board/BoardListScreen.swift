import MotCuaCore

/// One of the board's lists opened (who is waiting, the late dossiers…): a scrolling list that
/// follows the data as it changes; Esc goes back to the board.
final class BoardListScreen: Screen {
    let session: BoardSession
    let kind: BoardSummary.DetailKind
    private(set) var detail: BoardSummary.Detail?
    private var list = ListView()

    init(session: BoardSession, kind: BoardSummary.DetailKind, initial: BoardSummary.Detail?) {
        self.session = session
        self.kind = kind
        self.detail = initial
        list.setCount(initial?.rows.count ?? 0)
    }

    var keyContext: KeyContext { .board }
    static let actions: Set<Action> = [.cursorUp, .cursorDown, .pageUp, .pageDown, .cursorFirst, .cursorLast]
    var implementedActions: Set<Action> { Self.actions }
    var barActions: [Action] { [.help, .viewBack, .cursorDown, .cursorUp, .pageDown, .quit] }

    func refresh(host: ScreenHost) {
        guard let s = session.load() else { return }
        detail = s.detail(kind)
        list.setCount(detail?.rows.count ?? 0)
    }

    func perform(_ action: Action, host: ScreenHost) -> Bool { list.perform(action) }

    func statusNote(host: ScreenHost) -> StatusNote? {
        session.fileProblem.map { StatusNote($0.text(host.language), warning: true) }
    }

    func render(into g: inout CellGrid, top: Int, bottom: Int, host: ScreenHost) {
        guard bottom > top else { return }
        let rows = detail?.rows ?? []
        g.put(row: top, col: 1, text: CellWidth.truncate("\(detail?.title ?? "") (\(rows.count))", toCells: g.cols - 2), style: CellStyle(.bold))
        if rows.isEmpty {
            if top + 2 < bottom {
                g.put(row: top + 2, col: 1, text: host.language == .en ? "Nothing in this list now." : "Danh sách đang trống.")
            }
            return
        }
        list.setHeight(max(1, bottom - top - 2))
        list.render(into: &g, top: top + 2, left: 1, width: g.cols - 2) { i in (rows[i], .plain) }
    }
}
