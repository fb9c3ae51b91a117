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
    public private(set) var query = ""
    public private(set) var applicants: [Applicant] = []
    public private(set) var tickets: [Ticket] = []
    public private(set) var dossiers: [Dossier] = []
    /// Index into `results`.
    public private(set) var selected = 0
    private var offset = 0
    private var visibleRows = 15
    private var loadError: String?
    /// Most results per group.
    public var limit = 30

    public init(session: DeskSession, query: String = "") {
        self.session = session
        self.query = query
        search()
    }

    public var keyContext: KeyContext { .search }
    public var barActions: [Action] { [.help, .cursorUp, .cursorDown, .formCancel, .quit] }

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
        query = text
        search()
    }

    private func search() {
        let q = query.trimmingCharacters(in: .whitespaces)
        selected = 0
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

    public func refresh(app: DeskApp) {
        let keep = selected
        search()
        selected = min(keep, max(0, results.count - 1))
    }

    // MARK: - Keys

    public func handle(key: Key, app: DeskApp) -> Bool {
        switch key {
        case .character(let ch):
            if ScreenDraw.isTypable(ch), query.count < 100 { setQuery(ScreenDraw.searchTyping(ch, after: query, app: app)) }
            return true
        case .ctrl("u"):
            setQuery("")
            return true
        case .backspace:
            if !query.isEmpty { setQuery(String(query.dropLast())) }
            return true
        default:
            return false
        }
    }

    public func perform(_ action: Action, app: DeskApp) -> Bool {
        let count = results.count
        let page = max(1, visibleRows - 1)
        switch action {
        case .cursorUp: move(to: selected - 1, count: count)
        case .cursorDown: move(to: selected + 1, count: count)
        case .pageUp: move(to: selected - page, count: count)
        case .pageDown: move(to: selected + page, count: count)
        case .cursorFirst: move(to: 0, count: count)
        case .cursorLast: move(to: count - 1, count: count)
        case .formSubmit: open(app)
        case .searchStart: break // already searching
        default: return false
        }
        return true
    }

    private func move(to index: Int, count: Int) {
        selected = min(max(0, index), max(0, count - 1))
    }

    private func open(_ app: DeskApp) {
        let en = app.language == .en
        switch selectedResult {
        case .applicant(let a):
            app.push(DossierListScreen(session: session, applicant: a))
        case .dossier(let d):
            app.push(DossierDetailScreen(session: session, code: d.code))
        case .ticket(let t):
            let time = VietnamTime.local(t.issuedAt).hhmm
            var text = en ? "Ticket \(t.code) — \(t.applicantName) — \(t.status.label.en), issued \(time)"
                          : "Số \(t.code) — \(t.applicantName) — \(t.status.label.vi), cấp lúc \(time)"
            if let c = t.counter { text += en ? ", counter \(c)" : ", quầy \(c)" }
            if !t.status.isFinal, t.status == .waiting {
                text += en ? ", waited \(t.waitedMinutes(now: session.now)) min" : ", đã chờ \(t.waitedMinutes(now: session.now)) phút"
            }
            app.say(text)
        case nil:
            app.say(query.isEmpty ? (en ? "Type a name, a CCCD, a phone, a ticket or a dossier code" : "Gõ tên, CCCD, số điện thoại, số thứ tự hoặc mã hồ sơ")
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

    public func render(into g: inout CellGrid, top: Int, bottom: Int, app: DeskApp) {
        let lang = app.language
        let en = lang == .en
        guard bottom > top else { return }
        g.put(row: top, col: 1, text: CellWidth.truncate(en ? "Search — citizens, today's tickets, dossiers"
                                                            : "Tìm kiếm — công dân, số thứ tự hôm nay, hồ sơ", toCells: g.cols - 2),
              style: CellStyle(.bold))
        if top + 1 < bottom {
            var col = g.put(row: top + 1, col: 1, text: en ? "Find: " : "Tìm: ", style: CellStyle(.bold))
            g.fill(row: top + 1, fromCol: col, toCol: g.cols - 1, style: CellStyle(.underline))
            col = g.put(row: top + 1, col: col, text: ScreenDraw.tail(query, toCells: max(1, g.cols - col - 3)), style: CellStyle(.underline))
            g.put(row: top + 1, col: col, text: " ", style: CellStyle(.reverse))
        }
        let first = top + 3
        guard first < bottom else { return }
        if let loadError {
            g.put(row: first, col: 1, text: CellWidth.truncate(loadError, toCells: g.cols - 2), style: CellStyle(.bold, role: .warning))
            return
        }
        if query.trimmingCharacters(in: .whitespaces).isEmpty {
            let hint = en ? "Type a name (ng hong su), a CCCD, a phone, a ticket (A012) or a dossier code; Enter opens, Esc closes"
                          : "Gõ tên (ng hong su), CCCD, số điện thoại, số thứ tự (A012) hoặc mã hồ sơ; Enter để mở, Esc để đóng"
            for (i, line) in DeskScreen.wrap(hint, toCells: g.cols - 2).enumerated() where first + i < bottom {
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
