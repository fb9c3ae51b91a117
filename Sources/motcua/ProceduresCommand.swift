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

        func run() throws {
            try runReporting(global) { lang in
                var list = try global.openDatabase().procedures()
                if let search, !search.isEmpty { list = try ProcedureCatalog(procedures: list).search(search) }
                if global.json { Output.print(Output.json(list.map(ProcedureJSON.init))); return }
                let vi = lang == .vi
                let header = vi ? ["Mã", "Thủ tục", "Lĩnh vực", "Thời hạn", "Lệ phí"] : ["Code", "Procedure", "Field", "Time", "Fee"]
                Output.print(Output.table(header, list.map { p in
                    // "30 ngày" (calendar days) and "3 ngày LV" (working days) side by side: the unit
                    // changes the due date by a week across Tết, so it is never left implicit.
                    let days = p.processingShortText.text(lang)
                    let cutoff = p.cutoffMinuteOfDay.map { String(format: vi ? " (sau %02d:%02d: hôm sau)" : " (after %02d:%02d: next day)", $0 / 60, $0 % 60) } ?? ""
                    let flag = p.needsConfirmation ? " ?" : ""
                    return [p.code + flag, CellWidth.truncate(p.name, toCells: 44), p.field, days + cutoff, ProceduresCommand.fee(p, lang)]
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
            abstract: "Nhập danh mục từ tệp CSV (import procedures from CSV; adds or updates by code).",
            discussion: """
                Cột 'unit' (working-days | days) có thể bỏ trống hoặc không có: khi đó là ngày làm việc. \
                --built-in nhập lại danh mục có sẵn trong chương trình (thêm các thủ tục mới, cập nhật theo mã), \
                ví dụ sau khi nâng cấp.
                The 'unit' column may be empty or missing: working days. --built-in imports the catalog \
                built into the program (new rows added, rows updated by code), e.g. after an upgrade.
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
                let (added, updated) = try db.importProcedures(catalog.procedures, source: source, now: try global.clock().now(),
                                                               actor: try global.actor(counter: nil))
                if global.json {
                    struct R: Encodable { let added: Int; let updated: Int }
                    Output.print(Output.json(R(added: added, updated: updated))); return
                }
                Output.print(lang == .vi ? "Đã nhập: \(added) thủ tục mới, \(updated) cập nhật." : "Imported: \(added) new, \(updated) updated.")
            }
        }
    }
}
