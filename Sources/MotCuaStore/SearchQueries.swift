import Foundation
import GRDB
import MotCuaCore

/// Which dossiers a list shows, for the desk's register and `motcua dossier list` alike: every
/// condition given must hold (nil = any), and every one is applied in SQL before the limit.
public struct DossierQuery: Hashable, Sendable {
    /// Only these statuses (nil = any status).
    public var statuses: Set<DossierStatus>?
    /// Received on this day (Vietnam time).
    public var receivedOn: LocalDate?
    /// Due on this day.
    public var dueOn: LocalDate?
    /// Due strictly before this day.
    public var dueBefore: LocalDate?
    /// First due date (`Dossier.lateAfter`: before any apology moved it) on this day, or
    /// strictly before it: what "due today" and "overdue" are judged on.
    public var lateOn: LocalDate?
    public var lateBefore: LocalDate?
    /// Of one applicant.
    public var applicantId: Int64?
    /// For one of these procedures (e.g. every procedure of a field); an empty set matches nothing.
    public var procedureCodes: Set<String>?
    /// A code prefix (`MC-2611`) or words that prefix words of the applicant's folded name.
    public var search: String?
    /// Newest first instead of by due date (the search box's order).
    public var newestFirst: Bool
    public var limit: Int

    public init(statuses: Set<DossierStatus>? = nil, receivedOn: LocalDate? = nil, dueOn: LocalDate? = nil,
                dueBefore: LocalDate? = nil, applicantId: Int64? = nil, procedureCodes: Set<String>? = nil,
                search: String? = nil, newestFirst: Bool = false, limit: Int = 10_000) {
        self.statuses = statuses; self.receivedOn = receivedOn; self.dueOn = dueOn; self.dueBefore = dueBefore
        self.applicantId = applicantId; self.procedureCodes = procedureCodes; self.search = search
        self.newestFirst = newestFirst; self.limit = limit
    }

    /// Still open (not returned, posted, delivered, rejected or withdrawn).
    public static var openStatuses: Set<DossierStatus> { DossierStatus.openStatuses }

    /// Overdue on `today`, by the model's one definition (`Dossier.isOverdue`): in progress and
    /// first due strictly before today (an apology's new date does not excuse it).
    public static func overdue(on today: LocalDate) -> DossierQuery {
        var q = DossierQuery(statuses: DossierStatus.inProgressStatuses)
        q.lateBefore = today
        return q
    }

    /// Due today by the same rule (`Timeliness.dueToday`): in progress, first due today.
    public static func dueToday(_ today: LocalDate) -> DossierQuery {
        var q = DossierQuery(statuses: DossierStatus.inProgressStatuses)
        q.lateOn = today
        return q
    }

    /// `Dossier.lateAfter` in SQL, written exactly as the index `dossiers_status_late` is.
    static let lateAfterSQL = "COALESCE(original_due_date, due_date)"
}

/// A result waiting at the desk, with the phone to call the citizen on.
public struct UncollectedDossier: Sendable, Hashable {
    public let dossier: Dossier
    /// The applicant's phone on file (nil: none given).
    public let phone: String?
    /// Waiting since: the day the post brought it back, else the day it was ready.
    public let since: Date
    /// Brought back by the post (the citizen may not know it is at the desk).
    public var returnedByPost: Bool { dossier.postReturnedAt == since }
}

/// The desk's search box and lists: queries the screens need beyond the command line's.
extension AppDatabase {
    /// Dossiers matching `query`, by due date then code (SQL does the narrowing, so a register of
    /// many years stays quick for "open" and "overdue").
    public func dossiers(matching query: DossierQuery) throws -> [Dossier] {
        guard let (sql, args, exact) = Self.dossierSQL(query) else { return [] }
        let limit = max(0, query.limit)
        return try read { db in
            guard let exact else {
                return try DossierRow.decodeAll(Row.fetchAll(db, sql: sql + " LIMIT \(limit)", arguments: StatementArguments(args)))
            }
            return try SearchKey.fetch(db, sql: sql, arguments: args, limit: limit) { row in try exact(row) ? DossierRow.decode(row) : nil }
        }
    }

    /// The SELECT of `dossiers(matching:)` (without its LIMIT), its arguments, and the exact
    /// check rows must pass after it; nil when nothing can match.
    static func dossierSQL(_ query: DossierQuery) -> (String, [DatabaseValue], ((Row) -> Bool)?)? {
        var clauses: [String] = []
        var args: [DatabaseValue] = []
        func list(_ values: [String]) -> String {
            args.append(contentsOf: values.map(\.databaseValue))
            return Array(repeating: "?", count: values.count).joined(separator: ",")
        }
        // Columns are qualified: the search joins the full-text table, which has a `code` too.
        let lateAfter = "COALESCE(d.original_due_date, d.due_date)"   // `lateAfterSQL`, as the index has it
        if let s = query.statuses {
            if s.isEmpty { return nil }
            clauses.append("d.status IN (\(list(s.map(\.rawValue).sorted())))")
        }
        if let codes = query.procedureCodes {
            if codes.isEmpty { return nil }
            clauses.append("d.procedure_code IN (\(list(codes.sorted())))")
        }
        if let d = query.receivedOn { clauses.append("d.day = ?"); args.append(d.iso.databaseValue) }
        if let d = query.dueOn { clauses.append("d.due_date = ?"); args.append(d.iso.databaseValue) }
        if let d = query.dueBefore { clauses.append("d.due_date < ?"); args.append(d.iso.databaseValue) }
        if let d = query.lateOn { clauses.append("\(lateAfter) = ?"); args.append(d.iso.databaseValue) }
        if let d = query.lateBefore { clauses.append("\(lateAfter) < ?"); args.append(d.iso.databaseValue) }
        if let id = query.applicantId { clauses.append("d.applicant_id = ?"); args.append(id.databaseValue) }
        var exact: ((Row) -> Bool)?
        var from = "dossiers d"
        var order = query.newestFirst ? "d.received_at DESC, d.code DESC" : "d.due_date, d.code"
        if let text = query.search?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            let compact = SearchRule.compactNumber(text)
            if SearchRule.isDigits(compact) {
                // A number: the digits of a code (`261130-003` → day 261130, sequence 003…), and
                // from 9 digits (a CMND, most of a CCCD, a phone) the dossiers of the citizen with
                // that CCCD prefix or phone, through the applicants' indexes: the clerk often has
                // only the card in hand. A shorter prefix would gather a province's citizens.
                let day = compact.prefix(6), rest = compact.dropFirst(6)
                let codeMatch = (rest.isEmpty ? "code : \"\(day)\"*" : "code : \"\(day) \(rest)\"*").databaseValue
                if compact.count >= 9 {
                    // Both sides are a handful of rows (one day's codes, one citizen's dossiers).
                    clauses.append("""
                        (d.id IN (SELECT rowid FROM dossiers_fts WHERE dossiers_fts MATCH ?)
                         OR d.applicant_id IN (SELECT id FROM applicants WHERE (id_number >= ? AND id_number < ?) OR phone = ?))
                        """)
                    args += [codeMatch, compact.databaseValue, (compact + ":").databaseValue, compact.databaseValue]
                    if query.newestFirst { order = "d.id DESC" }
                } else {
                    // A short number is a prefix of many codes (`2611`: a month): read through
                    // the index newest first, as words are.
                    from = "dossiers_fts f JOIN dossiers d ON d.id = f.rowid"
                    clauses.append("dossiers_fts MATCH ?")
                    args.append(codeMatch)
                    if query.newestFirst { order = "f.rowid DESC" }
                }
            } else {
                // Words: each a prefix of a word of the name or of the code, through the
                // full-text index, which gives the matches newest first, so a page stops early.
                // `%` or `-` alone hold no word and match nothing.
                guard let match = SearchKey.ftsMatch(text) else { return nil }
                from = "dossiers_fts f JOIN dossiers d ON d.id = f.rowid"
                clauses.append("dossiers_fts MATCH ?")
                args.append(match.databaseValue)
                if query.newestFirst { order = "f.rowid DESC" }
                // The index lets through two query words prefixing one name word ("ng ng" and
                // Nguyễn Văn): the rule itself decides.
                let prepared = SearchRule.Query(text)   // read once, not once per row
                exact = { row in
                    prepared.matchesDossier(code: (row["code"] as String?) ?? "", foldedName: (row["search_key"] as String?) ?? "")
                }
            }
        }
        let whereSQL = clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND ")
        return ("SELECT d.* FROM \(from) \(whereSQL) ORDER BY \(order)", args, exact)
    }

    /// The SQL `dossier list --search TEXT` runs, with its values written in: what the bench
    /// times through the `sqlite3` program as the floor.
    public func searchSQL(dossiers text: String, limit: Int) -> String {
        guard let (sql, args, _) = Self.dossierSQL(DossierQuery(search: text, limit: limit)) else { return "SELECT 1" }
        return Self.inlined(sql + " LIMIT \(limit)", args)
    }

    /// `?` replaced by the values as SQL literals (the statements here hold no `?` in a string).
    static func inlined(_ sql: String, _ args: [DatabaseValue]) -> String {
        var out = ""
        var rest = args.makeIterator()
        for ch in sql {
            guard ch == "?", let value = rest.next() else { out.append(ch); continue }
            switch value.storage {
            case .string(let s): out += "'" + s.replacingOccurrences(of: "'", with: "''") + "'"
            case .int64(let i): out += String(i)
            case .double(let d): out += String(d)
            default: out += "NULL"
            }
        }
        return out
    }

    /// Ready results to phone about: through the status index, so the cost follows the results
    /// now at the desk, never the years of history; the rule is `Dossier.uncollected`.
    public func uncollectedDossiers(today: LocalDate, days: Int = 5, calendar: WorkingCalendar) throws -> [UncollectedDossier] {
        try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT d.*, a.phone AS applicant_phone FROM dossiers d LEFT JOIN applicants a ON a.id = d.applicant_id
                WHERE d.status = ?
                """, arguments: [DossierStatus.ready.rawValue])
            return try rows.compactMap { row -> UncollectedDossier? in
                let d = try DossierRow.decode(row)
                guard let since = d.uncollected(today: today, days: days, calendar: calendar) else { return nil }
                return UncollectedDossier(dossier: d, phone: row["applicant_phone"], since: since)
            }.sorted { ($0.since, $0.dossier.code) < ($1.since, $1.dossier.code) }
        }
    }

    /// Dossiers whose code starts with `text` (case-insensitive), or whose applicant's folded name
    /// has every word of `text` as a word prefix (`ng hong su` → Nguyễn Hồng Sự). Newest first.
    public func searchDossiers(_ text: String, limit: Int = 50) throws -> [Dossier] {
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty, limit > 0 else { return [] }
        return try dossiers(matching: DossierQuery(search: text, newestFirst: true, limit: limit))
    }

    /// Tickets of `day` whose code starts with `text` (`A01`, `b3` → B003 and B03x) or whose folded
    /// name, CCCD or phone matches by word prefix. In issue order.
    public func searchTickets(_ typed: String, day: LocalDate, limit: Int = 50) throws -> [Ticket] {
        let trimmed = SearchKey.compactNumber(typed).trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, limit > 0 else { return [] }
        let rows = try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM tickets WHERE day = ? ORDER BY issued_at, id", arguments: [day.iso])
        }
        let upper = trimmed.uppercased()
        let hasWords = !VietnameseText.words(VietnameseText.fold(trimmed)).isEmpty
        var out: [Ticket] = []
        let words = VietnameseText.words(VietnameseText.fold(trimmed))
        // Matched on the raw columns, decoded only when kept: a busy day is hundreds of rows per key.
        for row in rows {
            let key: String = row["search_key"] ?? ""
            let series = Ticket.Series(rawValue: (row["series"] as String?) ?? "")
            let number: Int = row["number"] ?? 0
            if series.map({ Self.ticketCode(series: $0, number: number, matches: upper) }) ?? false
                || (hasWords && VietnameseText.matchesWordPrefix(words: words, in: key.isEmpty ? VietnameseText.fold(row["applicant_name"] ?? "") : key)) {
                out.append(try TicketRow.decode(row))
                if out.count >= limit { break }
            }
        }
        return out
    }

    /// `A012` matches `A`, `A0`, `A01`, `A012`, and also `A12` (the number without its zeros).
    static func ticketCode(series: Ticket.Series, number: Int, matches upper: String) -> Bool {
        if Ticket.code(series: series, number: number).hasPrefix(upper) { return true }
        guard let first = upper.first, first == Character(series.rawValue) else { return false }
        let digits = upper.dropFirst()
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
        return String(number).hasPrefix(String(digits.drop(while: { $0 == "0" })))
            && !digits.allSatisfy({ $0 == "0" })
    }

    /// `%`, `_` and the escape character itself taken literally in a LIKE pattern (ESCAPE '\').
    static func likeEscaped(_ s: String) -> String {
        var out = ""
        for ch in s {
            if ch == "%" || ch == "_" || ch == "\\" { out.append("\\") }
            out.append(ch)
        }
        return out
    }
}
