import Foundation
import MotCuaCore
import MotCuaStore

/// What the dossier register shows. Slots 1–7 are the filter line's keys; `applicant` comes
/// from the search screen ("this person's dossiers") and has no slot.
public enum DossierListFilter: Hashable, Sendable {
    /// Tất cả đang mở: every dossier not yet closed.
    case open
    /// Received today, whatever its status now.
    case receivedToday
    /// Open and due today.
    case dueToday
    /// Open and past its due date.
    case overdue
    /// Result ready, waiting to be returned.
    case ready
    /// One status (cycled with key 6).
    case status(DossierStatus)
    /// Open dossiers of one field (lĩnh vực) of the procedure catalog (cycled with key 7).
    case field(String)
    /// Every dossier of one applicant.
    case applicant(id: Int64, name: String)
    /// Results ready for more than `days` working days (the desk profile's
    /// `uncollectedAfterDays`) and not collected: the ones to phone (`dossier.uncollected`; no
    /// slot on the filter line).
    case uncollected(days: Int)

    public var isUncollected: Bool {
        if case .uncollected = self { return true }
        return false
    }

    /// 1…7 on the filter line; nil for `applicant`.
    public var slot: Int? {
        switch self {
        case .open: 1
        case .receivedToday: 2
        case .dueToday: 3
        case .overdue: 4
        case .ready: 5
        case .status: 6
        case .field: 7
        case .applicant, .uncollected: nil
        }
    }

    /// Short label of a slot for the filter line.
    public static func chip(_ slot: Int, _ language: Language) -> String {
        let en = language == .en
        switch slot {
        case 1: return en ? "Open" : "Đang mở"
        case 2: return en ? "Today" : "Hôm nay"
        case 3: return en ? "Due today" : "Hẹn hôm nay"
        case 4: return en ? "Overdue" : "Quá hạn"
        case 5: return en ? "Ready" : "Chờ trả"
        case 6: return en ? "Status" : "Trạng thái"
        default: return en ? "Field" : "Lĩnh vực"
        }
    }

    /// The full name of the filter for the title line.
    public func label(_ language: Language) -> String {
        let en = language == .en
        switch self {
        case .open: return en ? "All open" : "Tất cả đang mở"
        case .receivedToday: return en ? "Received today" : "Hôm nay"
        case .dueToday: return en ? "Due today" : "Hẹn trả hôm nay"
        case .overdue: return en ? "Overdue" : "Quá hạn"
        case .ready: return en ? "Ready to return" : "Chờ trả kết quả"
        case .status(let s): return (en ? "Status: " : "Trạng thái: ") + s.label.text(language)
        case .field(let f): return (en ? "Field: " : "Lĩnh vực: ") + f
        case .applicant(_, let name): return (en ? "Applicant: " : "Người nộp: ") + name
        case .uncollected(let n):
            return en ? "Uncollected over \(n) working days" : "Kết quả chưa nhận quá \(n) ngày LV"
        }
    }

    /// The store query for this filter on `today`; `procedures` gives each field's procedures.
    public func query(today: LocalDate, procedures: [Procedure]) -> DossierQuery {
        let open = DossierQuery.openStatuses
        switch self {
        case .open: return DossierQuery(statuses: open)
        case .receivedToday: return DossierQuery(receivedOn: today)
        case .dueToday: return DossierQuery(statuses: DossierStatus.inProgressStatuses, dueOn: today)
        // The model's one rule (`Dossier.isOverdue`), not a copy of it.
        case .overdue: return .overdue(on: today)
        case .ready: return DossierQuery(statuses: [.ready])
        case .status(let s): return DossierQuery(statuses: [s])
        case .field(let f):
            let codes = Set(procedures.filter { $0.field == f }.map(\.code))
            return DossierQuery(statuses: open, procedureCodes: codes)
        case .applicant(let id, _): return DossierQuery(applicantId: id)
        // Only the ready ones are read; the working days are counted on them (`waitingDays`).
        case .uncollected: return DossierQuery(statuses: [.ready])
        }
    }
}

extension DossierListFilter {
    /// Working days a ready result has waited on `today` (days after the one it came back,
    /// up to today); nil when the dossier is not ready, or was made ready before the time was kept.
    public static func waitingDays(_ d: Dossier, today: LocalDate, calendar: WorkingCalendar) -> Int? {
        guard d.status == .ready, let at = d.readyAt else { return nil }
        return calendar.workingDaysBetween(VietnamTime.local(at).date, today)
    }

    /// True when `d` belongs on the uncollected list: the rule is `Dossier.uncollected` (ready
    /// for more than `days` working days, or brought back by the post), as
    /// `motcua dossier uncollected` lists; ready since before the time was kept counts too.
    public static func isUncollected(_ d: Dossier, today: LocalDate, days: Int, calendar: WorkingCalendar) -> Bool {
        guard d.status == .ready else { return false }
        guard d.readyAt != nil else { return true }
        return d.uncollected(today: today, days: days, calendar: calendar) != nil
    }
}

/// The register's order, toggled with `s`.
public enum DossierSort: CaseIterable, Hashable, Sendable {
    /// Urgency (the default): overdue first, the most late first; then due today; then the rest
    /// in progress by due date; then results ready, waiting longest first; finished ones last.
    /// Then by code, so equal rows keep one order.
    case urgency
    /// Received time, newest first.
    case received
    /// Dossier code (day and sequence), in order.
    case code

    public var next: DossierSort {
        switch self {
        case .urgency: .received
        case .received: .code
        case .code: .urgency
        }
    }

    public func label(_ language: Language) -> String {
        let en = language == .en
        switch self {
        case .urgency: return en ? "urgency" : "độ gấp"
        case .received: return en ? "newest received" : "mới nhận"
        case .code: return en ? "code" : "mã hồ sơ"
        }
    }

    /// Where a dossier stands in the urgency order on `today`: 0 overdue, 1 due today, 2 in
    /// progress and not yet due, 3 result ready (resolved, waiting to be collected), 4 finished.
    /// By the model's rules (`Dossier.isOverdue`, `DossierStatus.isInProgress`).
    static func urgencyRank(_ d: Dossier, today: LocalDate) -> Int {
        if d.status.isFinal { return 4 }
        if !d.status.isInProgress { return 3 }
        if d.isOverdue(today: today) { return 0 }
        return d.lateAfter == today ? 1 : 2
    }

    func ordered(_ a: Dossier, _ b: Dossier, today: LocalDate) -> Bool {
        switch self {
        case .urgency:
            let ra = Self.urgencyRank(a, today: today), rb = Self.urgencyRank(b, today: today)
            if ra != rb { return ra < rb }
            if ra == 3 {
                // Ready: the result waiting longest first (a result without its time, from before
                // it was kept, counts as the longest).
                let ta = a.readyAt ?? .distantPast, tb = b.readyAt ?? .distantPast
                if ta != tb { return ta < tb }
            }
            // Overdue: the earliest first promised date is the most late (an apology moves the due
            // date, not the lateness: `Dossier.lateAfter`); the rest: the next due first.
            return (a.lateAfter, a.code) < (b.lateAfter, b.code)
        case .received: return a.receivedAt != b.receivedAt ? a.receivedAt > b.receivedAt : a.code > b.code
        case .code: return a.code < b.code
        }
    }
}

/// The register's rows and selection, apart from drawing: the dossiers the filter loaded, the
/// typed search, the order, the selected row and the first row shown.
public struct DossierListModel: Sendable {
    /// What the store returned for the filter.
    public private(set) var loaded: [Dossier] = []
    /// `loaded` in the current order with what the search looks at, worked out once per load
    /// or order change, not once per key typed: a key only filters (issue 11).
    private var ordered: [(dossier: Dossier, target: SearchRule.Target)] = []
    /// Code prefix or name words (`ng hong su`); empty shows every loaded dossier.
    public private(set) var search = ""
    public private(set) var sort: DossierSort = .urgency
    /// The dossiers shown, searched and sorted.
    public private(set) var rows: [Dossier] = []
    /// Selection and scrolling (the desk's one list widget).
    public private(set) var list = ListView(count: 0, height: 15)
    /// Index of the selected row (0 when the list is empty).
    public var selected: Int { list.selected ?? 0 }
    /// First row shown.
    public var offset: Int { list.offset }

    public init() {}

    public var selectedDossier: Dossier? { rows.indices.contains(selected) ? rows[selected] : nil }

    /// The day the urgency order is judged on: the desk's today at the last load (a placeholder,
    /// 01/01/2000, until the first).
    public private(set) var today = LocalDate(julianDay: 2_451_545)

    /// New data (after a filter change or a write), judged on `today`: the selection stays on the
    /// same dossier when it is still listed (wherever the new order puts it), else on the same
    /// position.
    public mutating func setLoaded(_ dossiers: [Dossier], today: LocalDate) {
        loaded = dossiers
        self.today = today
        reorder()
        rebuild(keeping: selectedDossier?.code)
    }

    public mutating func setSearch(_ text: String) {
        guard text != search else { return }
        search = text
        rebuild(keeping: selectedDossier?.code)
    }

    public mutating func setSort(_ sort: DossierSort) {
        self.sort = sort
        reorder()
        rebuild(keeping: selectedDossier?.code)
    }

    /// Selects `code` if it is listed.
    public mutating func select(code: String) {
        if let i = rows.firstIndex(where: { $0.code == code }) { list.select(i) }
    }

    /// True when `d` matches the typed search, by the one rule of every search (`SearchRule`):
    /// words prefixing words of the applicant's name or of the code, or the code's digits.
    public static func matches(_ d: Dossier, search: String) -> Bool {
        let q = search.trimmingCharacters(in: .whitespaces)
        if q.isEmpty { return true }
        return SearchRule.matchesDossier(query: q, code: d.code, foldedName: VietnameseText.fold(d.applicantName))
    }

    /// Sorts the loaded rows once; the search keeps this order, as a filter does.
    private mutating func reorder() {
        ordered = loaded.sorted { [sort, today] in sort.ordered($0, $1, today: today) }
            .map { ($0, SearchRule.Target(code: $0.code, foldedName: VietnameseText.fold($0.applicantName))) }
    }

    private mutating func rebuild(keeping code: String?) {
        let position = selected
        let q = search.trimmingCharacters(in: .whitespaces)
        if q.isEmpty {
            rows = ordered.map(\.dossier)
        } else {
            let query = SearchRule.Query(q)
            rows = ordered.filter { query.matches($0.target) }.map(\.dossier)
        }
        list.setCount(rows.count)
        if let code, let i = rows.firstIndex(where: { $0.code == code }) {
            list.select(i)
        } else {
            list.select(position)
        }
    }

    /// Moves the selection by `delta` rows, stopping at the ends.
    public mutating func move(by delta: Int) {
        guard !rows.isEmpty else { return }
        let (sum, overflow) = selected.addingReportingOverflow(delta)
        list.select(overflow ? (delta < 0 ? 0 : rows.count - 1) : sum)
    }

    public mutating func moveToFirst() { list.home() }
    public mutating func moveToLast() { list.end() }

    /// Scrolls so the selection is inside a window of `visible` rows.
    public mutating func scrollToSelection(visible: Int) { list.setHeight(visible) }
}
