import MotCuaCore
import MotCuaStore

/// The dossier register (sổ theo dõi hồ sơ): filters on one line (keys 1–7, Left/Right), a
/// typed search (`/`, Esc clears it), an order (`s`), a selection bar, and the dossier actions
/// on the selected row. Enter opens the dossier.
public final class DossierListScreen: Screen {
    public let session: DeskSession
    public private(set) var filter: DossierListFilter
    public private(set) var model = DossierListModel()
    /// True while `/` search text is being typed (printable keys go to the search).
    public private(set) var isTyping = false
    /// The `/` search box (the desk's one text entry).
    private var searchField = TextField(id: "search", label: "", maxLength: 100)
    /// Fields (lĩnh vực) of the catalog, in catalog order, for filter 7.
    public private(set) var fields: [String] = []
    private var procedures: [Procedure] = []
    private var lastStatus: DossierStatus = .received
    private var lastField: String?
    private var loadError: String?
    /// The applicants' phone numbers by dossier code, read for the uncollected list (to phone).
    public private(set) var phones: [String: String] = [:]
    /// The filter to go back to when `dossier.uncollected` is pressed again.
    private var beforeUncollected: DossierListFilter = .open
    /// Rows of dossiers that fit on the screen at the last render (for paging).
    private var visibleRows = 15

    public convenience init(session: DeskSession) {
        self.init(session: session, filter: .open)
    }

    /// The register of one applicant's dossiers (from the search screen).
    public convenience init(session: DeskSession, applicant: Applicant) {
        self.init(session: session, filter: applicant.id.map { .applicant(id: $0, name: applicant.name) } ?? .open)
        if applicant.id == nil {
            searchField.setText(applicant.name)
            model.setSearch(applicant.name)
        }
    }

    public init(session: DeskSession, filter: DossierListFilter) {
        self.session = session
        self.filter = filter
        if case .status(let s) = filter { lastStatus = s }
        if case .field(let f) = filter { lastField = f }
        reload()
    }

    /// The dossier under the selection bar.
    public var selectedDossier: Dossier? { model.selectedDossier }

    // MARK: - Data

    /// The dossier the clerk last acted on. If it leaves the list (posted, so no longer "ready")
    /// and comes back (C-z), the highlight returns to it rather than staying on its neighbour,
    /// so the next key acts on the dossier the clerk has in mind.
    private var lastActed: String?

    /// Whether a row's due date rests on an unannounced Tết (`*`), worked out for the rows drawn
    /// and kept until the next reload.
    private var provisionalCache: [String: Bool] = [:]

    private func isProvisional(_ d: Dossier) -> Bool {
        guard d.status.isOpen else { return false }
        if let known = provisionalCache[d.code] { return known }
        let value = (try? session.due(of: d))?.isProvisional ?? false
        provisionalCache[d.code] = value
        return value
    }

    private func reload() {
        provisionalCache = [:]
        defer { if let code = lastActed, model.rows.contains(where: { $0.code == code }) { model.select(code: code) } }
        do {
            // The catalog is read with the list: a store that cannot be read says so, it never
            // shows an empty field list as if there were no procedures.
            procedures = try session.db.procedures(on: session.today)
            var seen = Set<String>()
            fields = procedures.map(\.field).filter { seen.insert($0).inserted }
            let today = session.today
            var loaded = try session.db.dossiers(matching: filter.query(today: today, procedures: procedures))
            if case .uncollected(let days) = filter {
                // The store reads the ready ones (by the status index); the working days since each
                // came back are counted on the desk's calendar.
                loaded = loaded.filter { DossierListFilter.isUncollected($0, today: today, days: days, calendar: session.calendar) }
                var found: [String: String] = [:]
                for d in loaded {
                    if let phone = try d.applicantId.flatMap({ try session.db.applicant(id: $0) })?.phone { found[d.code] = phone }
                }
                phones = found
            } else {
                phones = [:]
            }
            model.setLoaded(loaded, today: today)
            loadError = nil
        } catch {
            loadError = session.message(for: error)
        }
    }

    public func refresh(host: ScreenHost) { reload() }

    /// Shows another filter (the selection goes back to the top).
    public func setFilter(_ f: DossierListFilter) {
        filter = f
        if case .status(let s) = f { lastStatus = s }
        if case .field(let name) = f { lastField = name }
        reload()
        model.moveToFirst()
    }

    /// Filter slot `n` (1–7); pressing 6 or 7 again moves to the next status or field.
    public func selectSlot(_ n: Int) {
        switch n {
        case 1: setFilter(.open)
        case 2: setFilter(.receivedToday)
        case 3: setFilter(.dueToday)
        case 4: setFilter(.overdue)
        case 5: setFilter(.ready)
        case 6:
            if case .status(let s) = filter {
                let all = DossierStatus.allCases
                let i = all.firstIndex(of: s) ?? 0
                setFilter(.status(all[(i + 1) % all.count]))
            } else {
                setFilter(.status(lastStatus))
            }
        case 7:
            guard !fields.isEmpty else { return }
            if case .field(let f) = filter {
                let i = fields.firstIndex(of: f) ?? -1
                setFilter(.field(fields[(i + 1) % fields.count]))
            } else {
                setFilter(.field(lastField.flatMap { fields.contains($0) ? $0 : nil } ?? fields[0]))
            }
        default:
            break
        }
    }

    private func cycleFilter(by delta: Int) {
        let current = filter.slot ?? (delta > 0 ? 0 : 8)
        var next = current + delta
        if next < 1 { next = 7 }
        if next > 7 { next = 1 }
        if next == 7 && fields.isEmpty { next = delta > 0 ? 1 : 6 }
        // Arriving at 6 or 7 shows the remembered status or field, not the next one.
        switch next {
        case 6: setFilter(.status(lastStatus))
        case 7: setFilter(.field(lastField.flatMap { fields.contains($0) ? $0 : nil } ?? fields[0]))
        default: selectSlot(next)
        }
    }

    // MARK: - Keys

    public var keyContext: KeyContext { isTyping ? .search : .dossiers }
    public var implementedActions: Set<Action> { isTyping ? Self.typingActions : Self.listActions }
    static let movement: Set<Action> = [.cursorUp, .cursorDown, .pageUp, .pageDown, .cursorFirst, .cursorLast]
    static let listActions: Set<Action> = movement.union(DossierActions.actions)
        .union([.searchStart, .itemOpen, .viewBack, .dossierReceive, .filterPrev, .filterNext, .sortNext, .dossierUncollected])
    static let typingActions: Set<Action> = movement.union([.formSubmit, .viewBack, .fieldClear])
    public var barActions: [Action] {
        isTyping ? [.help, .formSubmit, .fieldClear, .viewBack] : DossierActions.barActions
    }
    public var acceptsText: Bool { isTyping }

    public func text(for action: Action) -> ActionText? {
        switch action {
        case .formSubmit: ActionText(vi: "Xong", "Xong, giữ các hồ sơ tìm được", en: "Done", "Done, keep the dossiers found")
        case .viewBack:
            isTyping ? ActionText(vi: "Xoá tìm", "Xoá chữ tìm, hiện lại cả danh sách", en: "Clear", "Clear the search, show the whole list")
                : model.search.isEmpty ? nil
                : ActionText(vi: "Xoá tìm", "Xoá chữ tìm (lần nữa: quay lại)", en: "Clear", "Clear the search (again: back)")
        case .fieldClear: ActionText(vi: "Xoá", "Xoá chữ đang tìm", en: "Clear", "Clear the search text")
        default: Self.text(for: action)
        }
    }

    /// The register's wording for its actions when no search is being typed (also for
    /// `motcua keys`).
    static func text(for action: Action) -> ActionText? {
        switch action {
        case .itemOpen: ActionText(vi: "Xem", "Xem hồ sơ đang chọn và lịch sử xử lý", en: "Open", "Open the selected dossier and its history")
        case .searchStart: ActionText(vi: "Tìm", "Tìm theo mã hồ sơ hoặc tên người nộp", en: "Find", "Find by dossier code or applicant's name")
        default: nil
        }
    }

    public func handle(key: Key, host: ScreenHost) -> Bool {
        if isTyping {
            // Home and End move in the list, as in the search screen.
            guard key.isTextEditing, key != .home, key != .end else { return false }
            searchField.compose = ScreenDraw.searchCompose(host)
            if searchField.handle(key) == .changed { searchChanged() }
            return true
        }
        // The filter line's own keys, 1–7 as numbered on screen (the keymap leaves digits unbound).
        guard case .character(let ch) = key, ch.isASCII, let n = ch.wholeNumberValue, (1...7).contains(n) else { return false }
        selectSlot(n)
        return true
    }

    /// A new search text: the selection goes to its first match, so the next action applies
    /// to a dossier that is shown, not to the row where the selection happened to be.
    private func searchChanged() {
        model.setSearch(searchField.text)
        model.moveToFirst()
    }

    public func perform(_ action: Action, host: ScreenHost) -> Bool {
        // A movement is the clerk choosing a row: the last-acted dossier no longer claims it.
        if [.cursorUp, .cursorDown, .pageUp, .pageDown, .cursorFirst, .cursorLast, .searchStart].contains(action) { lastActed = nil }
        switch action {
        case .cursorUp: model.move(by: -1)
        case .cursorDown: model.move(by: 1)
        case .pageUp: model.move(by: -max(1, visibleRows - 1))
        case .pageDown: model.move(by: max(1, visibleRows - 1))
        case .cursorFirst: model.moveToFirst()
        case .cursorLast: model.moveToLast()
        case .searchStart: isTyping = true
        case .formSubmit: isTyping = false
        case .fieldClear:
            searchField.setText("")
            searchChanged()
        case .viewBack:
            // Esc first clears a search; with nothing to clear it is the shell's "back".
            guard isTyping || !model.search.isEmpty else { return false }
            isTyping = false
            searchField.setText("")
            searchChanged()
        case .itemOpen: openSelected(host)
        case .filterPrev: cycleFilter(by: -1)
        case .filterNext: cycleFilter(by: 1)
        case .sortNext:
            model.setSort(model.sort.next)
            host.say(host.language == .en ? "Sorted by \(model.sort.label(.en))" : "Sắp xếp theo \(model.sort.label(.vi))")
        case .dossierReceive:
            do { host.push(try ReceiveDossierScreen(session: session, ticket: nil)) } catch { host.report(error) }
        case .dossierUncollected:
            if filter.isUncollected {
                setFilter(beforeUncollected)
            } else {
                // The desk's own limit (motcua setup --uncollected-days).
                let days: Int
                do { days = try session.profile().uncollectedAfterDays } catch {
                    host.report(error)
                    return true
                }
                beforeUncollected = filter
                setFilter(.uncollected(days: days))
                let en = host.language == .en
                if model.rows.isEmpty {
                    host.say(en ? "No result has waited more than \(days) working days"
                                : "Không có kết quả nào chờ nhận quá \(days) ngày làm việc")
                } else {
                    let n = model.rows.count
                    host.say(en ? "\(n) result\(n == 1 ? "" : "s") to phone about" : "\(n) kết quả cần gọi điện mời đến nhận")
                }
            }
        default:
            let code = model.selectedDossier?.code
            return DossierActions.perform(action, code: code, from: self, host: host, session: session) { [weak self] in
                self?.lastActed = code
                self?.reload()
            }
        }
        return true
    }

    private func openSelected(_ host: ScreenHost) {
        guard let d = model.selectedDossier else {
            host.say(host.language == .en ? "No dossier here" : "Không có hồ sơ nào", warning: true)
            return
        }
        host.push(DossierDetailScreen(session: session, code: d.code))
    }

    // MARK: - Drawing

    struct Columns {
        let code = 14, procedure = 10, received = 8, due = 10, status = 15
        let name: Int
        init(cols: Int) {
            name = max(8, cols - 2 - (code + procedure + received + due + status) - 5)
        }
    }

    /// The uncollected list's columns: code, applicant, phone, ready on, waited, result by.
    struct UncollectedColumns {
        let code = 14, phone = 11, ready = 8, waited = 10, delivery = 12
        let name: Int
        init(cols: Int) {
            name = max(8, cols - 2 - (code + phone + ready + waited + delivery) - 5)
        }
        var widths: [Int] { [code, name, phone, ready, waited, delivery] }
    }

    static func uncollectedHeadings(_ language: Language) -> [String] {
        language == .en
            ? ["Code", "Applicant", "Phone", "Ready", "Waiting", "Result by"]
            : ["Mã hồ sơ", "Người nộp", "Điện thoại", "Có KQ", "Đã chờ", "Nhận KQ"]
    }

    static func headings(_ language: Language) -> [String] {
        language == .en
            ? ["Code", "Applicant", "Procedure", "Received", "Due", "Status"]
            : ["Mã hồ sơ", "Người nộp", "Thủ tục", "Nhận", "Hẹn trả", "Trạng thái"]
    }

    public func render(into g: inout CellGrid, top: Int, bottom: Int, host: ScreenHost) {
        let lang = host.language
        let en = lang == .en
        let k = Columns(cols: g.cols)
        let today = session.today
        guard bottom > top else { return }

        // Title: what is shown, how many, and the order.
        let count = model.rows.count
        let position = count == 0 ? "0" : "\(model.selected + 1)/\(count)"
        let title = (en ? "Dossier register — " : "Sổ theo dõi hồ sơ — ") + filter.label(lang) + " (\(position))"
        let sortText = (host.keyName(for: .sortNext, in: .dossiers).map { "\($0): " } ?? "") + (en ? "by " : "theo ") + model.sort.label(lang)
        let sortW = CellWidth.of(sortText)
        g.put(row: top, col: 1, text: CellWidth.truncate(title, toCells: g.cols - sortW - 4), style: CellStyle(.bold))
        g.put(row: top, col: g.cols - 1 - sortW, text: sortText, style: CellStyle(.dim, role: .muted))

        // Filter line: 1–7, the active one highlighted.
        if top + 1 < bottom {
            var col = 1
            for slot in 1...7 {
                let text = "\(slot) \(DossierListFilter.chip(slot, lang))"
                let active = filter.slot == slot
                if col + CellWidth.of(text) > g.cols { break }
                col = g.put(row: top + 1, col: col, text: text, style: active ? CellStyle(.reverse, role: .selected) : .plain)
                col += 1
            }
        }

        // Search line.
        if top + 2 < bottom {
            let row = top + 2
            if isTyping || !model.search.isEmpty {
                let label = en ? "Find: " : "Tìm: "
                var col = g.put(row: row, col: 1, text: label, style: CellStyle(.bold))
                let hint = "  " + (isTyping ? host.hint([(.formSubmit, "xong", "done"), (.viewBack, "xoá", "clear")], in: .search)
                                            : host.hint([(.viewBack, "xoá tìm", "clear")], in: .dossiers))
                // The box leaves the hint its room (it names the keys, so it must not be cut).
                let room = max(10, g.cols - 1 - col - CellWidth.of(hint))
                if isTyping {
                    searchField.render(into: &g, row: row, col: col, width: room, labelWidth: 0, focused: true, language: lang)
                    col += room
                } else {
                    col = g.put(row: row, col: col, text: CellWidth.truncate(model.search, toCells: room))
                }
                g.put(row: row, col: col, text: CellWidth.truncate(hint, toCells: max(0, g.cols - 1 - col)),
                      style: CellStyle(.dim, role: .muted))
            } else if filter.isUncollected {
                let hint = (en ? "Phone them to come for the result · " : "Gọi điện mời đến nhận kết quả · ")
                    + host.hint([(.itemOpen, "xem", "open"), (.dossierReturn, "trả KQ", "return"),
                                 (.dossierUncollected, "quay lại", "back")], in: .dossiers)
                g.put(row: row, col: 1, text: CellWidth.truncate(hint, toCells: g.cols - 2), style: CellStyle(.dim, role: .muted))
            } else {
                // 1–7 are the filter line's own keys, numbered on screen.
                let arrows = [Action.filterPrev, .filterNext].compactMap { host.keyName(for: $0, in: .dossiers) }
                    .map { $0 == "Left" ? host.symbols.leftKey : $0 == "Right" ? host.symbols.rightKey : $0 + " " }.joined()
                let hint = host.hint([(.searchStart, "tìm theo mã hoặc tên", "find by code or name"), (.itemOpen, "xem", "open"),
                                      (.sortNext, "sắp xếp", "sort")], in: .dossiers)
                    + " · \(arrows) 1–7: " + (en ? "filter" : "lọc")
                g.put(row: row, col: 1, text: CellWidth.truncate(hint, toCells: g.cols - 2), style: CellStyle(.dim, role: .muted))
            }
        }

        // Headings.
        let headRow = top + 3
        guard headRow < bottom else { return }
        let uncollected = filter.isUncollected
        let u = UncollectedColumns(cols: g.cols)
        let h = uncollected ? Self.uncollectedHeadings(lang) : Self.headings(lang)
        let widths = uncollected ? u.widths : [k.code, k.name, k.procedure, k.received, k.due, k.status]
        var col = 1
        for (text, w) in zip(h, widths) {
            g.put(row: headRow, col: col, text: CellWidth.fit(text, toCells: w), style: CellStyle(.underline))
            col += w + 1
        }

        let first = headRow + 1
        visibleRows = max(1, bottom - first)
        if let loadError {
            g.put(row: first, col: 1, text: CellWidth.truncate(loadError, toCells: g.cols - 2), style: CellStyle(.bold, role: .warning))
            return
        }
        if model.rows.isEmpty {
            if first < bottom {
                let none = model.search.isEmpty ? (en ? "  (no dossiers)" : "  (không có hồ sơ nào)")
                                                : (en ? "  (nothing matches the search)" : "  (không có hồ sơ nào khớp)")
                g.put(row: first, col: 1, text: none, style: CellStyle(.dim, role: .muted))
            }
            return
        }
        model.scrollToSelection(visible: visibleRows)
        var row = first
        for i in model.offset..<model.rows.count {
            guard row < bottom else { break }
            let d = model.rows[i]
            let selected = i == model.selected
            let base = selected ? CellStyle(.reverse, role: .selected) : CellStyle.plain
            if selected { g.fill(row: row, style: base) }
            if uncollected {
                // Who to phone, since when the result waits, and how it was to go back.
                let waited = DossierListFilter.waitingDays(d, today: today, calendar: session.calendar)
                let cells = [d.code, d.applicantName, phones[d.code] ?? "—",
                             d.readyAt.map { ScreenDraw.shortDate(VietnamTime.local($0).date) } ?? "?",
                             waited.map { en ? "\($0) w. days" : "\($0) ngày LV" } ?? "?",
                             // Brought back by the post: the reason it waits, not how it was to go.
                             d.postReturnedAt != nil ? (en ? "Post returned" : "BĐ trả lại") : d.delivery.label.text(lang)]
                var c = 1
                for (text, w) in zip(cells, widths) {
                    g.put(row: row, col: c, text: CellWidth.fit(text, toCells: w), style: base)
                    c += w + 1
                }
                row += 1
                continue
            }
            let overdue = d.isOverdue(today: today)
            let cells = [d.code, d.applicantName, d.procedureCode,
                         ScreenDraw.shortDate(VietnamTime.local(d.receivedAt).date)]
            var c = 1
            for (text, w) in zip(cells, widths) {
                g.put(row: row, col: c, text: CellWidth.fit(text, toCells: w), style: base)
                c += w + 1
            }
            let warn = selected ? CellStyle([.reverse, .bold], role: .warning) : CellStyle(.bold, role: .warning)
            g.put(row: row, col: c, text: overdue ? "!" : " ", style: overdue ? warn : base)
            g.put(row: row, col: c + 1, text: CellWidth.fit(ScreenDraw.shortDate(d.dueDate) + (isProvisional(d) ? DueDate.mark : ""),
                                                          toCells: k.due - 1),
                  style: overdue ? warn : base)
            c += k.due + 1
            g.put(row: row, col: c, text: CellWidth.fit(d.status.label.text(lang), toCells: k.status), style: base)
            row += 1
        }
    }
}
