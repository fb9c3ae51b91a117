import ArgumentParser
import Foundation
import MotCuaCore
import MotCuaStore

struct DossierCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "dossier", abstract: "Hồ sơ thủ tục hành chính (dossiers).",
                                                    subcommands: [Receive.self, List.self, Show.self, SetStatus.self], defaultSubcommand: List.self)

    struct Receive: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Tiếp nhận hồ sơ, tính ngày hẹn trả (receive a dossier).")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Mã thủ tục (procedure code)") var procedure: String
        @Option(help: "Họ tên người nộp (applicant's full name)") var name: String
        @Option(name: .customLong("id-number"), help: "Số CCCD/CMND") var idNumber: String?
        @Option(help: "Số điện thoại (phone)") var phone: String?
        @Option(help: "Địa chỉ (address)") var address: String?
        @Option(help: "Số thứ tự đang phục vụ (ticket being served)") var ticket: String?
        @Option(help: "Hình thức nộp (channel): direct | post | online") var channel: String = "direct"
        @Option(help: "Nhận kết quả (delivery): desk | post | home") var delivery: String?
        @Option(name: .customLong("delivery-address"), help: "Địa chỉ nhận kết quả") var deliveryAddress: String?
        @Option(help: "Ghi chú (notes)") var notes: String?
        @Option(help: "Quầy (counter)") var counter: Int?

        func run() throws {
            try runReporting(global) { lang in
                let db = try global.openDatabase()
                let now = try global.clock().now()
                let (calendar, _) = try global.workingCalendar()
                let d = try db.receiveDossier(
                    ReceiveRequest(procedureCode: procedure, name: name, idNumber: idNumber, phone: phone, address: address,
                                   ticketCode: ticket, channel: channel, delivery: delivery, deliveryAddress: deliveryAddress,
                                   notes: notes),
                    now: now, actor: actor(counter: counter), calendar: calendar)
                if global.json { Output.print(Output.json(DossierJSON(d, today: VietnamTime.local(now).date))); return }
                Output.print(lang == .vi
                    ? "Đã tiếp nhận hồ sơ \(d.code) — \(d.applicantName) — \(d.procedureCode). Ngày hẹn trả: \(d.dueDate.vietnamese)."
                    : "Received dossier \(d.code) — \(d.applicantName) — \(d.procedureCode). Due: \(d.dueDate.iso).")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Danh sách hồ sơ (list dossiers).")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Trạng thái (status): received, processing, needs-supplement, ready, returned, posted, delivered-home, rejected, withdrawn")
        var status: String?
        @Flag(help: "Chỉ hồ sơ quá hạn (overdue only)") var overdue = false
        @Option(name: .customLong("due-before"), help: "Hẹn trả trước ngày (due before), YYYY-MM-DD") var dueBefore: String?
        @Option(help: "Tìm theo mã hoặc tên (search by code or name)") var search: String?

        func run() throws {
            try runReporting(global) { lang in
                let today = VietnamTime.local(try global.clock().now()).date
                var filter = DossierFilter(search: search)
                if let status { filter.status = try DossierStatus.parse(status) }
                if overdue { filter.overdueOn = today }
                if let dueBefore {
                    guard let d = LocalDate(iso: dueBefore) else {
                        throw FieldError(field: "due_before", label: Localized(vi: "--due-before", en: "--due-before"),
                                         problem: Localized(vi: "'\(dueBefore)' không phải ngày hợp lệ; dạng đúng YYYY-MM-DD",
                                                            en: "'\(dueBefore)' is not a valid date; expected YYYY-MM-DD"))
                    }
                    filter.dueBefore = d
                }
                let list = try global.openDatabase().dossiers(filter)
                if global.json { Output.print(Output.json(list.map { DossierJSON($0, today: today) })); return }
                if list.isEmpty { Output.print(lang == .vi ? "Không có hồ sơ nào." : "No dossiers."); return }
                let header = lang == .vi ? ["Mã hồ sơ", "Người nộp", "Thủ tục", "Tiếp nhận", "Hẹn trả", "Trạng thái", ""]
                                         : ["Code", "Applicant", "Procedure", "Received", "Due", "Status", ""]
                Output.print(Output.table(header, list.map { d in
                    [d.code, d.applicantName, d.procedureCode, d.receivedAt.vnDateTime, d.dueDate.vietnamese,
                     d.status.label.text(lang), d.isOverdue(today: today) ? (lang == .vi ? "QUÁ HẠN" : "OVERDUE") : ""]
                }))
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Xem một hồ sơ và lịch sử (show a dossier and its history).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Mã hồ sơ (dossier code)") var code: String

        func run() throws {
            try runReporting(global) { lang in
                let db = try global.openDatabase()
                let today = VietnamTime.local(try global.clock().now()).date
                guard let d = try db.dossier(code: code) else {
                    throw FieldError(field: "code", label: Localized(vi: "Mã hồ sơ", en: "Dossier code"),
                                     problem: Localized(vi: "không có hồ sơ '\(code)'", en: "no dossier '\(code)'"))
                }
                let events = try db.events(entity: "dossier", key: d.code)
                if global.json {
                    struct Full: Encodable { let dossier: DossierJSON; let events: [EventJSON] }
                    Output.print(Output.json(Full(dossier: DossierJSON(d, today: today), events: events.map(EventJSON.init))))
                    return
                }
                let p = try db.procedure(code: d.procedureCode)
                let vi = lang == .vi
                var lines: [[String]] = [
                    [vi ? "Mã hồ sơ" : "Code", d.code],
                    [vi ? "Thủ tục" : "Procedure", "\(d.procedureCode) — \(p?.name ?? "")"],
                    [vi ? "Người nộp" : "Applicant", d.applicantName],
                    [vi ? "Hình thức nộp" : "Channel", d.channel.label.text(lang)],
                    [vi ? "Tiếp nhận lúc" : "Received", d.receivedAt.vnDateTime],
                    [vi ? "Ngày hẹn trả" : "Due", d.dueDate.vietnamese + (d.isOverdue(today: today) ? (vi ? " (QUÁ HẠN)" : " (OVERDUE)") : "")],
                    [vi ? "Trạng thái" : "Status", d.status.label.text(lang)],
                    [vi ? "Nhận kết quả" : "Delivery", d.delivery.rawValue + (d.deliveryAddress.map { " — \($0)" } ?? "")],
                ]
                if let n = d.notes { lines.append([vi ? "Ghi chú" : "Notes", n]) }
                if let t = d.trackingNumber { lines.append([vi ? "Mã vận đơn" : "Tracking", t]) }
                Output.print(Output.table(["", ""], lines).split(separator: "\n").dropFirst().joined(separator: "\n"))
                Output.print("")
                Output.print(vi ? "Lịch sử:" : "History:")
                for e in events {
                    Output.print("  \(e.at.vnDateTime)  \(e.actor.user)\(e.actor.counter.map { " (quầy \($0))" } ?? "")  \(e.action)")
                }
            }
        }
    }

    /// One subcommand per move, so a clerk's script reads like the desk's work.
    struct SetStatus: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "set-status",
            abstract: "Chuyển trạng thái hồ sơ (change status): processing, ready, returned, posted, delivered-home, needs-supplement, rejected, withdrawn.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Mã hồ sơ") var code: String
        @Argument(help: "Trạng thái mới (new status)") var status: String
        @Option(name: .customLong("tracking-number"), help: "Mã vận đơn bưu chính (for posted)") var trackingNumber: String?
        @Option(help: "Lý do (reason, for needs-supplement / rejected / withdrawn)") var reason: String?
        @Option(help: "Quầy (counter)") var counter: Int?

        func run() throws {
            try runReporting(global) { lang in
                let next = try DossierStatus.parse(status)
                var warning: String?
                if let t = trackingNumber {
                    switch TrackingNumber.check(t) {
                    case .valid: break
                    case .badCheckDigit: warning = lang == .vi ? "Cảnh báo: mã vận đơn \(t) sai số kiểm tra" : "Warning: tracking number \(t) has a bad check digit"
                    case .otherFormat: warning = lang == .vi ? "Cảnh báo: mã vận đơn \(t) không theo dạng UPU S10" : "Warning: tracking number \(t) is not UPU S10"
                    }
                }
                let now = try global.clock().now()
                let d = try global.openDatabase().changeDossier(code: code, to: next, trackingNumber: trackingNumber, reason: reason,
                                                               now: now, actor: actor(counter: counter))
                if let warning { FileHandle.standardError.write(Data((warning + "\n").utf8)) }
                if global.json { Output.print(Output.json(DossierJSON(d, today: VietnamTime.local(now).date))); return }
                Output.print("\(d.code): \(d.status.label.text(lang))")
            }
        }
    }
}
