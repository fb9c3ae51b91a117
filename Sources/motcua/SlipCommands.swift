import ArgumentParser
import Foundation
import MotCuaCore
import MotCuaStore

extension DossierCommand {
    struct Print: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "In phiếu của hồ sơ theo Thông tư 03/2025/TT-VPCP (print a dossier's slip).",
            discussion: """
                Mẫu (--form): receipt (01 giấy tiếp nhận và hẹn trả), supplement (02 yêu cầu bổ sung), \
                refusal (03 từ chối), apology (04 xin lỗi, gia hạn: theo lần ghi bằng dossier apologize), \
                stop (05 dừng giải quyết), control (06 phiếu kiểm soát). Phiếu in ra màn hình và lưu vào \
                thư mục slips/ cạnh cơ sở dữ liệu; --to-printer gửi tới lệnh in đã cài (motcua setup --print-command).
                """)
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Mã hồ sơ (dossier code)") var code: String
        @Option(help: "Mẫu: receipt | supplement | refusal | apology | stop | control") var form: String
        @Flag(help: "Không dấu, chỉ ký tự ASCII (for printers without Vietnamese fonts)") var ascii = false
        @Flag(name: .customLong("to-printer"), help: "Gửi tới máy in (send to the desk's print command)") var toPrinter = false

        func run() throws {
            try runReporting(global) { lang in
                let slipForm = try SlipForm.parse(form)
                let db = try global.openExistingDatabase(readOnly: true)
                let now = try global.clock().now()
                let (calendar, _) = try global.workingCalendar()
                let context = try db.slipContext(code: code, issuedAt: now, calendar: calendar,
                                                 clerk: global.clerk.flatMap(TextInput.nonBlank))
                // Only the slips the dossier has, each from what is recorded (the apology of form 04
                // is the one `dossier apologize` recorded): the same as at the desk.
                let slip = try DossierSlips.render(slipForm, context, calendar: calendar)
                let final = ascii ? slip.ascii : slip
                let name = SlipFiles.fileName(code: context.dossier.code, form: slipForm.rawValue, ascii: ascii)
                let path = try SlipFiles.save(final.text, name: name, databasePath: db.path)
                // Written straight to the descriptor, so it comes before any message on stderr.
                if !global.json { FileHandle.standardOutput.write(Data(final.text.utf8)) }
                var printed = false
                if toPrinter {
                    let command = try db.profile().printCommand ?? []
                    try PrintCommand.run(command, file: path)
                    printed = true
                }
                if global.json {
                    struct Result: JSONRow { let code: String; let form: String; let file: String; let printed: Bool; let text: String }
                    Output.print(Output.json(Result(code: context.dossier.code, form: slipForm.rawValue, file: path, printed: printed, text: final.text)))
                    return
                }
                Output.note(Localized(vi: "Đã lưu phiếu: \(path)" + (printed ? "; đã gửi tới máy in." : ""),
                                      en: "Slip saved: \(path)" + (printed ? "; sent to the printer." : "")), lang)
            }
        }
    }

    struct Register: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Sổ theo dõi hồ sơ, mẫu 07 (the register of dossiers received in a period).",
            discussion: "Với --csv, ghi tệp CSV (UTF-8 có BOM, CRLF, mở được bằng Excel) vào thư mục slips/ cạnh cơ sở dữ liệu.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Từ ngày tiếp nhận (from), YYYY-MM-DD; default: today") var from: String?
        @Option(help: "Đến ngày tiếp nhận (to, inclusive), YYYY-MM-DD; default: --from") var to: String?
        @Flag(help: "Ghi tệp CSV (write the CSV file)") var csv = false

        func run() throws {
            try runReporting(global) { lang in
                let today = VietnamTime.local(try global.clock().now()).date
                let start = try Self.day(from, option: "from") ?? today
                let end = try Self.day(to, option: "to") ?? start
                guard start <= end else {
                    throw FieldError(field: "to", label: Localized(vi: "--to", en: "--to"),
                                     problem: Localized(vi: "\(end.vietnamese) trước --from \(start.vietnamese)",
                                                        en: "\(end.iso) is before --from \(start.iso)"))
                }
                let db = try global.openExistingDatabase(readOnly: true)
                let entries = try db.registerEntries(from: start, through: end)
                var path: String?
                if csv {
                    path = try SlipFiles.save(RegisterCSV.render(entries, today: today), name: "register-\(start.iso)-\(end.iso).csv",
                                              databasePath: db.path)
                }
                let rows = RegisterCSV.rows(entries, today: today)
                if global.json {
                    let objects = rows.map { Dictionary(uniqueKeysWithValues: zip(RegisterCSV.keys, $0)) }
                    if let path {
                        struct Written: Encodable { let file: String; let rows: [[String: String]] }
                        Output.print(Output.json(Written(file: path, rows: objects)))
                    } else {
                        Output.print(Output.json(objects))
                    }
                    return
                }
                if let path {
                    Output.print(lang == .vi ? "Đã ghi sổ theo dõi hồ sơ (\(entries.count) hồ sơ): \(path)"
                                             : "Register written (\(entries.count) dossiers): \(path)")
                    return
                }
                if rows.isEmpty { Output.print(lang == .vi ? "Không có hồ sơ nào." : "No dossiers."); return }
                // The columns that fit 80: code, applicant, due, first due, early/on time/late
                // (the CSV has them all).
                let shown = [1, 3, 6, 7, 8]
                Output.print(Output.table(shown.map { RegisterCSV.header[$0] }, rows.map { r in shown.map { r[$0] } }))
            }
        }

        static func day(_ raw: String?, option: String) throws -> LocalDate? {
            guard let raw = TextInput.nonBlank(raw) else { return nil }
            return try LocalDate.option(raw, named: option, field: option)
        }
    }
}
