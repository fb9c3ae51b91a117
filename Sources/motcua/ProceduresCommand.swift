import ArgumentParser
import Foundation
import MotCuaCore
import MotCuaStore

struct ProceduresCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "procedures", abstract: "Danh mục thủ tục (procedure catalog).",
                                                    subcommands: [List.self, Import.self], defaultSubcommand: List.self)

    /// `unit` is `working-days` or `days` (the CSV's words), so a script never has to guess what
    /// `processing_days` counts; `note` is empty, never null, like `fee_note`; `needs_confirmation`
    /// is the "cần xác nhận" flag of `Procedure.needsConfirmation`.
    struct ProcedureJSON: JSONRow {
        let code: String, name: String, field: String, processingDays: Int, unit: String, cutoff: String?, fee: Int
        let feeNote: String, deliveries: [String], effectiveFrom: String?, effectiveTo: String?, legalBasis: String
        let note: String, needsConfirmation: Bool
        init(_ p: Procedure) {
            code = p.code; name = p.name; field = p.field; processingDays = p.processingDays; unit = p.processingUnit.rawValue
            cutoff = p.cutoffMinuteOfDay.map { String(format: "%02d:%02d", $0 / 60, $0 % 60) }
            fee = p.fee; feeNote = p.feeNote; deliveries = p.deliveries.map(\.rawValue).sorted()
            effectiveFrom = p.effectiveFrom?.iso; effectiveTo = p.effectiveTo?.iso; legalBasis = p.legalBasis; note = p.note
            needsConfirmation = p.needsConfirmation
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Liệt kê thủ tục (list procedures).")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Tìm (search), e.g. 'khai sinh' or 'ks'") var search: String?
        @Option(help: "Phiên bản có hiệu lực ngày này (the versions in force on DATE, YYYY-MM-DD; default today)") var on: String?
        @Flag(name: .customLong("all-versions"), help: "Mọi phiên bản, cả cũ và sắp có hiệu lực (every version, past and coming)")
        var allVersions = false

        func run() throws {
            try runReporting(global) { lang in
                let db = try global.openDatabase()
                let day = try on.map { try CalendarCommand.parseDate($0, field: "on") } ?? VietnamTime.local(try global.clock().now()).date
                var list = try allVersions ? db.procedureVersions() : db.procedures(on: day)
                if let search, !search.isEmpty {
                    // Search one row per code, then show every version of the codes found.
                    let found = try ProcedureCatalog(procedures: try db.procedures(on: day)).search(search).map(\.code)
                    let rank = Dictionary(found.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
                    list = list.filter { rank[$0.code] != nil }.sorted { (rank[$0.code] ?? 0, $0.fromOrder) < (rank[$1.code] ?? 0, $1.fromOrder) }
                }
                if global.json { Output.print(Output.json(list.map(ProcedureJSON.init))); return }
                let vi = lang == .vi
                var header = vi ? ["Mã", "Thủ tục", "Lĩnh vực", "Thời hạn", "Lệ phí"] : ["Code", "Procedure", "Field", "Time", "Fee"]
                if allVersions { header += vi ? ["Hiệu lực", ""] : ["In force", ""] }
                Output.print(Output.table(header, list.map { p in
                    // "30 ngày" (calendar days) and "3 ngày LV" (working days) side by side: the unit
                    // changes the due date by a week across Tết, so it is never left implicit.
                    let days = p.processingShortText.text(lang)
                    let cutoff = p.cutoffMinuteOfDay.map { String(format: vi ? " (sau %02d:%02d: hôm sau)" : " (after %02d:%02d: next day)", $0 / 60, $0 % 60) } ?? ""
                    let flag = p.needsConfirmation ? " ?" : ""
                    let row = [p.code + flag, CellWidth.truncate(p.name, toCells: 44), p.field, days + cutoff, ProceduresCommand.fee(p, lang)]
                    guard allVersions else { return row }
                    let span = (p.effectiveFrom?.iso ?? "…") + " – " + (p.effectiveTo?.iso ?? "…")
                    let mark = p.isActive(on: day) && Procedure.version(in: list.filter { $0.code == p.code }, on: day) == p
                        ? (vi ? "đang áp dụng" : "in force") : ""
                    return row + [span, mark]
                }))
                if list.contains(where: \.needsConfirmation) {
                    Output.print(vi ? "? = có số liệu cần xác nhận (xem 'note' và 'fee_note' trong --json)"
                                    : "? = a figure is still to be confirmed (see 'note' and 'fee_note' in --json)")
                }
            }
        }
    }

    /// Fees set by the province show their note rather than a misleading "0".
    static func fee(_ p: Procedure, _ lang: Language) -> String {
        if p.fee > 0 {
            let grouped = String(p.fee).reversed().enumerated().map { $0.offset > 0 && $0.offset % 3 == 0 ? ".\($0.element)" : "\($0.element)" }
            return String(grouped.joined().reversed()) + "đ"
        }
        if p.feeNote.isEmpty { return lang == .vi ? "miễn" : "free" }
        return CellWidth.truncate(p.feeNote, toCells: 28)
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Nhập danh mục từ tệp CSV (import procedures from CSV; adds versions, corrects a version by code and effective_from).",
            discussion: """
                Cột 'unit' (working-days | days) có thể bỏ trống hoặc không có: khi đó là ngày làm việc. \
                Một mã với ngày effective_from mới là một phiên bản mới (ví dụ luật mới từ 1/3/2027): phiên bản cũ \
                được giữ nguyên cho hồ sơ đã nhận; cùng mã và cùng ngày effective_from là sửa phiên bản đó. \
                --built-in nhập lại danh mục có sẵn trong chương trình, ví dụ sau khi nâng cấp.
                The 'unit' column may be empty or missing: working days. A code with a new effective_from is a \
                new version (e.g. a new law from 2027-03-01): the old version stays for dossiers received under it; \
                the same code and effective_from corrects that version. --built-in imports the catalog built into \
                the program, e.g. after an upgrade.
                """)
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Tệp CSV, cùng cột với Sources/MotCuaCore/Data/procedures-vn.csv") var file: String?
        @Flag(name: .customLong("built-in"), help: "Nhập danh mục có sẵn (import the built-in catalog)") var builtIn = false

        func run() throws {
            try runReporting(global) { lang in
                // Parsed completely before anything is written: a bad line changes nothing.
                let catalog: ProcedureCatalog, source: String
                switch (file, builtIn) {
                case (let file?, false):
                    guard let data = FileManager.default.contents(atPath: file) else {
                        throw FieldError(field: "file", label: Localized(vi: "Tệp CSV", en: "CSV file"),
                                         problem: Localized(vi: "không đọc được '\(file)'", en: "cannot read '\(file)'"))
                    }
                    catalog = try ProcedureCatalog.parse(csv: String(decoding: data, as: UTF8.self), file: file)
                    source = file
                case (nil, true):
                    catalog = ProcedureCatalog.builtIn
                    source = "built-in"
                default:
                    throw FieldError(field: "file", label: Localized(vi: "Tệp CSV", en: "CSV file"),
                                     problem: Localized(vi: "cần một tệp CSV hoặc --built-in (không cả hai)",
                                                        en: "expected a CSV file or --built-in (not both)"))
                }
                let db = try global.openDatabase()
                let (added, corrected) = try db.importProcedures(catalog.procedures, source: source, now: try global.clock().now(),
                                                                 actor: try global.actor(counter: nil))
                let unchanged = catalog.procedures.count - added - corrected
                if global.json {
                    struct R: Encodable { let added: Int; let corrected: Int; let unchanged: Int }
                    Output.print(Output.json(R(added: added, corrected: corrected, unchanged: unchanged))); return
                }
                Output.print(lang == .vi ? "Đã nhập: \(added) phiên bản mới, \(corrected) sửa, \(unchanged) không đổi."
                                         : "Imported: \(added) new versions, \(corrected) corrected, \(unchanged) unchanged.")
            }
        }
    }
}
