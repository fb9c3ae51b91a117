/// A bad line in a catalog file: where (`file:line`, column) and what was expected, in both
/// languages, so the supervisor can fix the spreadsheet without reading code.
public struct CatalogError: Error, Hashable, Sendable, CustomStringConvertible {
    public let file: String
    public let line: Int
    /// The column's header name, nil for problems of the whole line.
    public let column: String?
    public let problem: Localized

    public init(file: String, line: Int, column: String?, problem: Localized) {
        self.file = file; self.line = line; self.column = column; self.problem = problem
    }

    public func message(_ lang: Language) -> String {
        let where_ = column.map { lang == .vi ? ", cột '\($0)'" : ", column '\($0)'" } ?? ""
        return "\(file):\(line)\(where_): \(problem.text(lang))"
    }
    public var description: String { message(.vi) }
}

/// The list of procedures the desk handles, read from and written to CSV
/// (`Data/procedures-vn.csv` is the built-in default; a commune imports its own).
public struct ProcedureCatalog: Hashable, Sendable {
    public let procedures: [Procedure]
    /// Folded name and field per procedure, computed once: search runs on every keystroke.
    private let keys: [(name: String, field: String)]

    public static func == (a: ProcedureCatalog, b: ProcedureCatalog) -> Bool { a.procedures == b.procedures }
    public func hash(into h: inout Hasher) { h.combine(procedures) }

    /// Columns in file order. `code`, `name`, `field`, `processing_days`, `fee`, `deliveries` are
    /// required in the header; the others may be left out and default to empty. `unit` (added with
    /// the 2025 reform's calendar-day limits), `note` and `documents` (the usual papers, written as
    /// `name:originals:copies; …`) came later: a file without them, or with
    /// them empty, means working days and no note, so every older import file still reads the same.
    public static let columns = ["code", "name", "field", "processing_days", "unit", "cutoff", "fee", "fee_note",
                                 "deliveries", "effective_from", "effective_to", "legal_basis", "note", "documents"]
    static let requiredColumns: Set<String> = ["code", "name", "field", "processing_days", "fee", "deliveries"]

    /// Codes are printed on tickets and typed by clerks: short, uppercase ASCII.
    static let maxCodeLength = 16
    static let maxNameLength = 300

    /// A catalog may hold several versions of one procedure (the same code, different
    /// `effectiveFrom`: a new law from a given day); the key is the code and that date.
    /// - Throws: `RuleViolation` (`catalog.duplicate-code`) when two rows share a code and an
    ///   effective-from date.
    public init(procedures: [Procedure]) throws(RuleViolation) {
        var seen = Set<String>()
        for p in procedures where !seen.insert(p.versionKey).inserted {
            let since = p.effectiveFrom.map { Localized(vi: " (hiệu lực từ \($0.vietnamese))", en: " (effective from \($0.iso))") }
                ?? Localized(vi: "", en: "")
            throw RuleViolation(code: "catalog.duplicate-code", message: Localized(
                vi: "mã thủ tục '\(p.code)'\(since.vi) bị trùng", en: "procedure code '\(p.code)'\(since.en) is duplicated"))
        }
        self.procedures = procedures
        keys = procedures.map { (VietnameseText.fold($0.name), VietnameseText.fold($0.field)) }
    }

    /// The catalog embedded in the binary. Its data is checked by the test suite, so a failure
    /// here is a build defect, not a user error: stop with the file and line rather than run
    /// with an empty catalog.
    public static let builtIn: ProcedureCatalog = {
        do {
            return try parse(csv: String(decoding: PackageResources.procedures_vn_csv, as: UTF8.self),
                             file: "procedures-vn.csv")
        } catch {
            fatalError("built-in catalog is invalid: \(error)")
        }
    }()

    // MARK: Reading

    public static func parse(csv text: String, file: String) throws(CatalogError) -> ProcedureCatalog {
        let records: [CSV.Record]
        do { records = try CSV.parse(text) } catch {
            throw CatalogError(file: file, line: error.line, column: nil, problem: error.problem)
        }
        guard let header = records.first else {
            throw CatalogError(file: file, line: 1, column: nil, problem: Localized(
                vi: "tệp trống, cần dòng tiêu đề: \(columns.joined(separator: ","))",
                en: "empty file; expected a header row: \(columns.joined(separator: ","))"))
        }
        var index: [String: Int] = [:]
        for (i, raw) in header.fields.enumerated() {
            let name = trimSpaces(raw).lowercased()
            guard columns.contains(name) else {
                throw CatalogError(file: file, line: header.line, column: raw, problem: Localized(
                    vi: "cột không biết; các cột là: \(columns.joined(separator: ", "))",
                    en: "unknown column; the columns are: \(columns.joined(separator: ", "))"))
            }
            guard index[name] == nil else {
                throw CatalogError(file: file, line: header.line, column: name, problem: Localized(
                    vi: "cột có hai lần trong tiêu đề", en: "column appears twice in the header"))
            }
            index[name] = i
        }
        for name in columns where requiredColumns.contains(name) && index[name] == nil {
            throw CatalogError(file: file, line: header.line, column: name, problem: Localized(
                vi: "thiếu cột bắt buộc trong dòng tiêu đề", en: "required column missing from the header"))
        }

        var procedures: [Procedure] = []
        var firstLine: [String: Int] = [:]
        for record in records.dropFirst() {
            guard record.fields.count == header.fields.count else {
                throw CatalogError(file: file, line: record.line, column: nil, problem: Localized(
                    vi: "dòng có \(record.fields.count) cột, tiêu đề có \(header.fields.count); trường có dấu phẩy phải đặt trong ngoặc kép",
                    en: "row has \(record.fields.count) fields, the header \(header.fields.count); quote fields that contain commas"))
            }
            let p = try parseRow(record, index: index, file: file)
            // The same code twice is two versions when the effective-from dates differ.
            if let earlier = firstLine[p.versionKey] {
                let since = p.effectiveFrom.map { (vi: " hiệu lực từ \($0.iso)", en: " effective from \($0.iso)") }
                    ?? (vi: " không có ngày hiệu lực", en: " with no effective-from date")
                throw CatalogError(file: file, line: record.line, column: "code", problem: Localized(
                    vi: "mã '\(p.code)'\(since.vi) trùng với dòng \(earlier) (phiên bản mới cần ngày effective_from khác)",
                    en: "code '\(p.code)'\(since.en) duplicates line \(earlier) (a new version needs another effective_from)"))
            }
            firstLine[p.versionKey] = record.line
            procedures.append(p)
        }
        do { return try ProcedureCatalog(procedures: procedures) } catch {
            // Unreachable: duplicates were reported above with their line.
            throw CatalogError(file: file, line: 1, column: "code", problem: error.message)
        }
    }

    private static func parseRow(_ record: CSV.Record, index: [String: Int], file: String) throws(CatalogError) -> Procedure {
        func value(_ column: String) -> String {
            index[column].map { trimSpaces(record.fields[$0]) } ?? ""
        }
        func fail(_ column: String, _ vi: String, _ en: String) -> CatalogError {
            CatalogError(file: file, line: record.line, column: column, problem: Localized(vi: vi, en: en))
        }

        let code = value("code").uppercased()
        guard !code.isEmpty, code.count <= maxCodeLength,
              code.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }),
              code.first != "-" else {
            throw fail("code", "cần mã ngắn (tối đa \(maxCodeLength) ký tự) gồm chữ in hoa không dấu, số, '-', ví dụ HT-KS; đang là '\(value("code"))'",
                       "expected a short code (at most \(maxCodeLength) characters) of A–Z, 0–9, '-', e.g. HT-KS; got '\(value("code"))'")
        }
        let name: String
        do { name = try VietnameseText.validateName(value("name"), field: "name", maxLength: maxNameLength) } catch {
            throw fail("name", error.problem.vi, error.problem.en)
        }
        let field: String
        do { field = try VietnameseText.validateName(value("field"), field: "field") } catch {
            throw fail("field", error.problem.vi, error.problem.en)
        }
        guard let days = Int(value("processing_days")), (0...365).contains(days) else {
            throw fail("processing_days", "cần số ngày làm việc từ 0 đến 365 (0 = trong ngày; ngày lịch khi cột unit là days); đang là '\(value("processing_days"))'",
                       "expected working days 0–365 (0 = same day; calendar days when the unit column says days); got '\(value("processing_days"))'")
        }
        guard let unit = ProcessingUnit(csv: value("unit")) else {
            throw fail("unit", "cần 'working-days' (ngày làm việc, mặc định khi để trống) hoặc 'days' (ngày lịch); đang là '\(value("unit"))'",
                       "expected 'working-days' (the default when empty) or 'days' (calendar days); got '\(value("unit"))'")
        }
        var cutoff: Int?
        if !value("cutoff").isEmpty {
            guard let m = parseHourMinute(value("cutoff")) else {
                throw fail("cutoff", "cần giờ dạng HH:MM (ví dụ 15:00) hoặc để trống; đang là '\(value("cutoff"))'",
                           "expected a time HH:MM (e.g. 15:00) or empty; got '\(value("cutoff"))'")
            }
            cutoff = m
        }
        guard value("fee").unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }),
              let fee = Int(value("fee")), fee <= 1_000_000_000 else {
            throw fail("fee", "cần số tiền VND là số nguyên, không có dấu chấm (ví dụ 8000); đang là '\(value("fee"))'",
                       "expected a whole VND amount without separators (e.g. 8000); got '\(value("fee"))'")
        }
        var deliveries = Set<Delivery>()
        for part in value("deliveries").split(separator: ";") {
            let word = trimSpaces(String(part)).lowercased()
            guard let d = Delivery(rawValue: word) else {
                throw fail("deliveries", "'\(word)' không phải cách trả kết quả; dùng desk, post, home cách nhau bởi ';'",
                           "'\(word)' is not a delivery; use desk, post, home separated by ';'")
            }
            deliveries.insert(d)
        }
        if deliveries.isEmpty {
            throw fail("deliveries", "cần ít nhất một cách trả kết quả: desk, post, home (cách nhau bởi ';')",
                       "expected at least one of desk, post, home (separated by ';')")
        }
        func date(_ column: String) throws(CatalogError) -> LocalDate? {
            let text = value(column)
            if text.isEmpty { return nil }
            guard let d = LocalDate(iso: text) else {
                throw fail(column, "cần ngày dạng YYYY-MM-DD hoặc để trống; đang là '\(text)'",
                           "expected a date YYYY-MM-DD or empty; got '\(text)'")
            }
            return d
        }
        let from = try date("effective_from"), to = try date("effective_to")
        if let from, let to, to < from {
            throw fail("effective_to", "ngày hết hiệu lực \(to.iso) trước ngày có hiệu lực \(from.iso)",
                       "end date \(to.iso) is before the start date \(from.iso)")
        }
        let documents: [ReceivedDocument]
        do { documents = try ReceivedDocument.parseList(value("documents")) } catch {
            throw fail("documents", error.problem.vi, error.problem.en)
        }
        return Procedure(code: code, name: name, field: field, processingDays: days, processingUnit: unit,
                         cutoffMinuteOfDay: cutoff, fee: fee, feeNote: VietnameseText.normalize(value("fee_note")),
                         deliveries: deliveries, effectiveFrom: from, effectiveTo: to,
                         legalBasis: VietnameseText.normalize(value("legal_basis")), note: VietnameseText.normalize(value("note")),
                         documents: documents)
    }

    /// Trims ASCII spaces and tabs only: a zero-width or other invisible character at the edge of
    /// a cell must reach validation and be refused, not be silently cut off.
    static func trimSpaces(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }),
              let last = scalars.lastIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
        return String(scalars[first...last])
    }

    /// `HH:MM` (also `H:MM`) → minute of the day.
    static func parseHourMinute(_ text: String) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
              let h = Int(parts[0]), let m = Int(parts[1]), (0...23).contains(h), (0...59).contains(m) else { return nil }
        return h * 60 + m
    }

    // MARK: Writing

    /// The catalog as CSV with every column, in the order of `columns`; `parse` reads it back to
    /// an equal catalog.
    public func csv() -> String {
        var rows = [Self.columns]
        for p in procedures {
            rows.append([p.code, p.name, p.field, String(p.processingDays), p.processingUnit.rawValue, p.cutoffText ?? "",
                         String(p.fee), p.feeNote,
                         Delivery.allCases.filter(p.deliveries.contains).map(\.rawValue).joined(separator: ";"),
                         p.effectiveFrom?.iso ?? "", p.effectiveTo?.iso ?? "", p.legalBasis, p.note,
                         ReceivedDocument.listText(p.documents)])
        }
        return CSV.write(rows)
    }

    // MARK: Looking up

    /// Case-insensitive, spaces ignored: clerks type `ht-ks` or ` HT-KS`. With several versions
    /// of the code, the first in the file; `procedure(code:on:)` picks by date.
    public func procedure(code: String) -> Procedure? {
        let wanted = Self.trimSpaces(code).uppercased()
        return procedures.first { $0.code == wanted }
    }

    /// The version of the code in force on `day` (`Procedure.version(in:on:)`).
    public func procedure(code: String, on day: LocalDate) -> Procedure? {
        Procedure.version(in: versions(code: code), on: day)
    }

    /// Every version of the code, in file order.
    public func versions(code: String) -> [Procedure] {
        let wanted = Self.trimSpaces(code).uppercased()
        return procedures.filter { $0.code == wanted }
    }

    /// The rows in force on `date`.
    public func active(on date: LocalDate) -> [Procedure] { procedures.filter { $0.isActive(on: date) } }

    /// Diacritic- and case-insensitive search. Order: exact code; code prefix; name starting with
    /// the query's words; name containing them as a phrase; name containing every query word as a
    /// word prefix in any order (`khai sinh`); name by initials (`ks`); field name (`ho tich`).
    /// Within a rank, shorter names first (the plain procedure before its variants), then catalog
    /// order. A query with a `-` that starts some code is a code, and only codes are matched
    /// (`CT-` should not also find names whose initials are "ct"). An empty query returns every
    /// row. With `date`, only rows in force that day.
    public func search(_ query: String, on date: LocalDate? = nil) -> [Procedure] {
        let q = VietnameseText.normalize(query)
        let upper = q.uppercased()
        let codeOnly = q.contains("-") && procedures.contains { $0.code.hasPrefix(upper) }
        let qWords = VietnameseText.words(VietnameseText.fold(q))
        var ranked: [(rank: Int, words: Int, index: Int)] = []
        for (i, p) in procedures.enumerated() {
            if let date, !p.isActive(on: date) { continue }
            let nameWords = VietnameseText.words(keys[i].name)
            let rank: Int?
            if q.isEmpty || p.code == upper { rank = 0 }
            else if !q.contains(" "), p.code.hasPrefix(upper) { rank = 1 }
            else if codeOnly { rank = nil }
            else if Self.phrase(qWords, at: 0, in: nameWords) { rank = 2 }
            else if nameWords.indices.contains(where: { Self.phrase(qWords, at: $0, in: nameWords) }) { rank = 3 }
            else if VietnameseText.matchesWordPrefix(query: q, in: keys[i].name) { rank = 4 }
            else if VietnameseText.matchesInitials(query: q, in: keys[i].name) { rank = 5 }
            else if VietnameseText.matchesWordPrefix(query: q, in: keys[i].field) { rank = 6 }
            else { rank = nil }
            if let rank { ranked.append((rank, q.isEmpty ? 0 : nameWords.count, i)) }
        }
        ranked.sort { ($0.rank, $0.words, $0.index) < ($1.rank, $1.words, $1.index) }
        return ranked.map { procedures[$0.index] }
    }

    /// The query words, in order, are the words of `text` from `start` on, the last one as a
    /// prefix (the clerk is still typing it).
    private static func phrase(_ query: [Substring], at start: Int, in text: [Substring]) -> Bool {
        guard !query.isEmpty, start + query.count <= text.count else { return false }
        for (k, word) in query.enumerated() {
            let t = text[start + k]
            if k == query.count - 1 ? !t.hasPrefix(word) : t != word { return false }
        }
        return true
    }
}
