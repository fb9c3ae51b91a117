import ArgumentParser
import Foundation
import MotCuaCore
import MotCuaStore

struct WalkinCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "walkin", abstract: "Khách đến trực tiếp (walk-ins).",
                                                    subcommands: [Add.self, Edit.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Cấp số thứ tự cho người đến (register a walk-in, print the ticket).")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Họ và tên (full name)") var name: String
        @Option(help: "Nhóm ưu tiên (priority group): merit, disabled, elderly, pregnant, child, other") var priority: String?
        @Option(help: "Lý do ưu tiên (reason, required for 'other')") var reason: String?
        @Option(help: "Mã thủ tục (procedure code)") var procedure: String?
        @Option(help: "Số điện thoại (phone)") var phone: String?
        @Option(name: .customLong("id-number"), help: "Số CCCD/CMND") var idNumber: String?
        @Option(help: "Quầy (counter)") var counter: Int?

        func run() throws {
            try runReporting(global) { lang in
                let request = WalkInRequest(name: name, priority: priority, priorityReason: reason,
                                            procedureCode: procedure, phone: phone, idNumber: idNumber)
                let db = try global.openDatabase { profile, lookup, day in
                    _ = try request.validated(policy: profile.priority, on: day, procedure: lookup)
                    if let counter { _ = try profile.validateCounter(counter) }
                }
                let now = try global.clock().now()
                let t = try db.addWalkIn(request, now: now, actor: try global.actor(counter: counter))
                Output.warn(CitizenID.warning(for: idNumber), lang)
                if global.json { Output.print(Output.json(TicketJSON(t, now: now))); return }
                let waiting = try db.tickets(day: t.day).filter { $0.status == .waiting }.count
                Output.print(lang == .vi
                    ? "Số thứ tự: \(t.code) — \(t.applicantName)\(t.isPriority ? " (ưu tiên)" : ""). Đang chờ: \(waiting)."
                    : "Ticket: \(t.code) — \(t.applicantName)\(t.isPriority ? " (priority)" : ""). Waiting: \(waiting).")
            }
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Sửa thông tin người đến hôm nay; giá trị cũ giữ trong nhật ký (correct a walk-in of today).",
            discussion: "Chỉ đổi những gì được cho; chuỗi rỗng xóa số điện thoại, CCCD hoặc thủ tục. The ticket keeps its number.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Số thứ tự, ví dụ A001 (ticket)") var ticket: String
        @Option(help: "Họ và tên đúng (full name)") var name: String?
        @Option(help: "Nhóm ưu tiên (priority group)") var priority: String?
        @Option(help: "Lý do ưu tiên (priority reason)") var reason: String?
        @Option(help: "Mã thủ tục (procedure code)") var procedure: String?
        @Option(help: "Số điện thoại (phone)") var phone: String?
        @Option(name: .customLong("id-number"), help: "Số CCCD/CMND") var idNumber: String?
        @Option(help: "Quầy (counter)") var counter: Int?

        func run() throws {
            try runReporting(global) { lang in
                let db = try global.openExistingDatabase()
                let now = try global.clock().now()
                let t = try db.correctWalkIn(WalkInCorrection(ticketCode: ticket, name: name, phone: phone, idNumber: idNumber,
                                                              procedureCode: procedure, priority: priority, priorityReason: reason),
                                             now: now, actor: try global.actor(counter: counter))
                if global.json { Output.print(Output.json(TicketJSON(t, now: now))); return }
                Output.print(lang == .vi ? "Đã sửa số \(t.code): \(t.applicantName)." : "Corrected \(t.code): \(t.applicantName).")
            }
        }
    }
}
