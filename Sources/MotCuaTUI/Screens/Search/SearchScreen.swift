import MotCuaCore
import MotCuaStore

/// The desk's search box: one query, typed directly, finds past applicants, today's tickets and
/// dossiers, grouped, as you type. Folded word prefixes (`ng hong su` → Nguyễn Hồng Sự), a
/// ticket code (`A01`) or a dossier code prefix. Enter opens what is selected; Esc/F10 closes.
public final class SearchScreen: Screen {
    /// One selectable result.
    public enum Result: Hashable, Sendable {
        case applicant(Applicant)
        case ticket(Ticket)
        case dossier(Dossier)
    }

    public let session: DeskSession
    /// The search box (the desk's one text entry).
    private var field = TextField(id: "search", label: "", maxLength: 100)
    /// What is typed.
    public var query: String { field.text }
    public private(set) var applicants: [Applicant] = []
    public private(set) var tickets: [Ticket] = []
    public private(set) var dossiers: [Dossier] = []
    /// Selection among `results` (the desk's one list widget).
    private var list = ListView(count: 0, height: 15)
    /// Index into `results`.
    public var selected: Int { list.selected ?? 0 }
    /// First line shown (results are drawn under their group's title, so lines ≠ results).
    private var offset = 0
    private var visibleRows = 15
    private var loadError: String?
    /// Most results per group.
    public var limit = 30

    public init(session: DeskSession, query: String = "") {
        self.session = session
        field.setText(query)
        search()
    }

    public var keyContext: KeyContext { .search }
    public var implementedActions: Set<Action> { Self.actions }
    static let actions: Set<Action> = DossierListScreen.movement.union([.formSubmit, .fieldClear])
    public var barActions: [Action] { [.help, .formSubmit, .fieldClear, .viewBack, .quit] }
    public var acceptsText: Bool { true }

    public func text(for action: Action) -> ActionText? { Self.text(for: action) }

    /// The search box's wording for its actions (also for `motcua keys`): Enter opens a
    /// result here, it does not save a form.
    static func text(for action: Action) -> ActionText? {
        switch action {
        case .formSubmit: ActionText(vi: "Mở", "Mở kết quả đang chọn", en: "Open", "Open the selected result")
        case .viewBack: ActionText(vi: "Đóng", "Đóng tìm kiếm", en: "Close", "Close the search")
        case .fieldClear: ActionText(vi: "Xoá", "Xoá chữ đang tìm", en: "Clear", "Clear the search text")
        case .cursorUp, .cursorDown, .pageUp, .pageDown, .cursorFirst, .cursorLast:
            ActionText(label: action.label, help: Localized(vi: action.helpLine.vi + " trong kết quả", en: action.helpLine.en + " among the results"))
        default: nil
        }
    }

    /// Every result in screen order: applicants, then tickets, then dossiers.
    public var results: [Result] {
        applicants.map(Result.applicant) + tickets.map(Result.ticket) + dossiers.map(Result.dossier)
    }

    public var selectedResult: Result? {
        let r = results
        return r.indices.contains(selected) ? r[selected] : nil
    }

    /// Replaces the query and searches again.
    public func setQuery(_ text: String) {
        field.setText(text)
        search()
    }

    private func search() {
        let q = query.trimmingCharacters(in: .whitespaces)
        defer { list = ListView(count: results.count, selected: 0, height: list.height) }
        offset = 0
        guard !q.isEmpty else {
            applicants = []; tickets = []; dossiers = []; loadError = nil
            return
        }
        do {
            // searchApplicants matches everyone on a query without a word (`%`): ask it only with one.
            let hasWords = !VietnameseText.words(VietnameseText.fold(q)).isEmpty
            applicants = hasWords ? try session.db.searchApplicants(q, limit: limit) : []
            tickets = try session.db.searchTickets(q, day: session.today, limit: limit)
            dossiers = try session.db.searchDossiers(q, limit: limit)
            loadError = nil
        } catch {
            applicants = []; tickets = []; dossiers = []
            loadError = session.message(for: error)
        }
    }

    public func refresh(host: ScreenHost) {
        let keep = selected
        search()
        list.select(keep)
    }

    // MARK: - Keys

    public func handle(key: Key, host: ScreenHost) -> Bool {
        // Home and End jump in the results (the keymap's cursor.first/last): a one-line query
        // has Left and Right for its cursor.
        guard key.isTextEditing, key != .home, key != .end else { return false }
        field.compose = ScreenDraw.searchCompose(host)
        let before = field.text
        let used = field.handle(key).wasUsed
        if field.text != before { search() }
        return used
    }

    public func perform(_ action: Action, host: ScreenHost) -> Bool {
        let page = max(1, visibleRows - 1)
        switch action {
        case .cursorUp: list.moveUp()
        case .cursorDown: list.moveDown()
        case .pageUp: list.moveUp(page)
        case .pageDown: list.moveDown(page)
        case .cursorFirst: list.home()
        case .cursorLast: list.end()
        case .formSubmit: open(host)
        case .fieldClear: setQuery("")
        default: return false
        }
        return true
    }

    private func open(_ host: ScreenHost) {
        let en = host.language == .en
        switch selectedResult {
        case .applicant(let a):
            host.push(DossierListScreen(session: session, applicant: a))
        case .dossier(let d):
            host.push(DossierDetailScreen(session: session, code: d.code))
        case .ticket(let t):
            let time = VietnamTime.local(t.issuedAt).hhmm
            var text = en ? "Ticket \(t.code) — \(t.applicantName) — \(t.status.label.en), issued \(time)"
                          : "Số \(t.code) — \(t.applicantName) — \(t.status.label.vi), cấp lúc \(time)"
            if let c = t.counter { text += en ? ", counter \(c)" : ", quầy \(c)" }
            if !t.status.isFinal, t.status == .waiting {
                text += en ? ", waited \(t.waitedMinutes(now: session.now)) min" : ", đã chờ \(t.waitedMinutes(now: session.now)) phút"
            }
            host.say(text)
        case nil:
            host.say(query.isEmpty ? (en ? "Type a name, a CCCD, a phone, a ticket or a dossier code" : "Gõ tên, CCCD, số điện thoại, số thứ tự hoặc mã hồ sơ")
                                  : (en ? "Nothing found" : "Không tìm thấy"), warning: !query.isEmpty)
        }
    }

    // MARK: - Drawing

    private enum Line {
        case section(String)
        case item(Int, Result)
        case note(String)
    }

    private func lines(_ lang: Language) -> [Line] {
        let en = lang == .en
        var out: [Line] = []
        var index = 0
        func group(_ title: String, _ items: [Result]) {
            out.append(.section("\(title) (\(items.count))"))
            if items.isEmpty { out.append(.note(en ? "  (none)" : "  (không có)")) }
            for r in items { out.append(.item(index, r)); index += 1 }
        }
        group(en ? "Citizens" : "Công dân", applicants.map(Result.applicant))
        group(en ? "Today's tickets" : "Số thứ tự hôm nay", tickets.map(Result.ticket))
        group(en ? "Dossiers" : "Hồ sơ", dossiers.map(Result.dossier))
        return out
    }

    private func text(_ r: Result, cols: Int, _ lang: Language) -> [(String, Int)] {
        let en = lang == .en
        let rest = max(10, cols - 4)
        switch r {
        case .applicant(let a):
            let name = max(12, min(26, rest / 3))
            let id = a.idNumber.map { "CCCD \($0)" } ?? ""
            let phone = a.phone.map { (en ? "Tel " : "ĐT ") + $0 } ?? ""
            return [(a.name, name), (id, 17), (phone, 14), (a.address ?? "", max(1, rest - name - 17 - 14 - 3))]
        case .ticket(let t):
            var status = t.status.label.text(lang)
            if let c = t.counter { status += en ? " · C\(c)" : " · Q\(c)" }
            let name = max(12, min(26, rest / 3))
            return [(t.code, 5), (t.applicantName, name), (status, 20),
                    (VietnamTime.local(t.issuedAt).hhmm, 5), (t.procedureCode ?? "", max(1, rest - 5 - name - 20 - 5 - 4))]
        case .dossier(let d):
            let name = max(12, rest - 14 - 10 - 9 - 15 - 4)
            let due = (d.isOverdue(today: session.today) ? "!" : " ") + ScreenDraw.shortDate(d.dueDate)
            return [(d.code, 14), (d.applicantName, name), (d.procedureCode, 10), (due, 9), (d.status.label.text(lang), 15)]
        }
    }

    public func render(into g: inout CellGrid, top: Int, bottom: Int, host: ScreenHost) {
        let lang = host.language
        let en = lang == .en
        guard bottom > top else { return }
        g.put(row: top, col: 1, text: CellWidth.truncate(en ? "Search — citizens, today's tickets, dossiers"
                                                            : "Tìm kiếm — công dân, số thứ tự hôm nay, hồ sơ", toCells: g.cols - 2),
              style: CellStyle(.bold))
        if top + 1 < bottom {
            let col = g.put(row: top + 1, col: 1, text: en ? "Find: " : "Tìm: ", style: CellStyle(.bold))
            field.render(into: &g, row: top + 1, col: col, width: g.cols - 1 - col, labelWidth: 0, focused: true, language: lang)
        }
        let first = top + 3
        guard first < bottom else { return }
        if let loadError {
            g.put(row: first, col: 1, text: CellWidth.truncate(loadError, toCells: g.cols - 2), style: CellStyle(.bold, role: .warning))
            return
        }
        if query.trimmingCharacters(in: .whitespaces).isEmpty {
            let hint = (en ? "Type a name (ng hong su), a CCCD, a phone, a ticket (A012) or a dossier code. "
                           : "Gõ tên (ng hong su), CCCD, số điện thoại, số thứ tự (A012) hoặc mã hồ sơ. ")
                + host.hint([(.formSubmit, "mở", "open"), (.viewBack, "đóng", "close")], in: keyContext)
            for (i, line) in WidgetText.wrap(hint, toCells: g.cols - 2).enumerated() where first + i < bottom {
                g.put(row: first + i, col: 1, text: line, style: CellStyle(.dim, role: .muted))
            }
            return
        }
        let all = lines(lang)
        visibleRows = max(1, bottom - first)
        // Keep the selected item (and, near the top, its group's title) in view.
        if let at = all.firstIndex(where: { if case .item(let i, _) = $0 { i == selected } else { false } }) {
            if at < offset { offset = max(0, at - 1) }
            if at >= offset + visibleRows { offset = at - visibleRows + 1 }
        }
        offset = min(max(0, offset), max(0, all.count - visibleRows))
        var row = first
        for line in all.dropFirst(offset) {
            guard row < bottom else { break }
            switch line {
            case .section(let title):
                g.put(row: row, col: 1, text: CellWidth.truncate(title, toCells: g.cols - 2), style: CellStyle(.bold))
            case .note(let text):
                g.put(row: row, col: 1, text: text, style: CellStyle(.dim, role: .muted))
            case .item(let i, let r):
                let isSelected = i == selected
                let style = isSelected ? CellStyle(.reverse, role: .selected) : CellStyle.plain
                if isSelected { g.fill(row: row, style: style) }
                var col = 3
                for (text, w) in self.text(r, cols: g.cols, lang) {
                    guard col < g.cols - 1 else { break }
                    let width = min(w, g.cols - 1 - col)
                    var cellStyle = style
                    if case .dossier(let d) = r, text.hasPrefix("!"), d.isOverdue(today: session.today) {
                        cellStyle = isSelected ? CellStyle([.reverse, .bold], role: .warning) : CellStyle(.bold, role: .warning)
                    }
                    g.put(row: row, col: col, text: CellWidth.fit(text, toCells: width), style: cellStyle)
                    col += w + 1
                }
            }
            row += 1
        }
    }
}
