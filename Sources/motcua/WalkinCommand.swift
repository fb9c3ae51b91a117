import ArgumentParser
import Foundation
import MotCuaCore
import MotCuaStore

struct WalkinCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "walkin", abstract: "Khách đến trực tiếp (walk-ins).",
                                                    subcommands: [Add.self])

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
                let db = try global.openDatabase()
                let now = try global.clock().now()
                let t = try db.addWalkIn(WalkInRequest(name: name, priority: priority, priorityReason: reason,
                                                       procedureCode: procedure, phone: phone, idNumber: idNumber),
                                         now: now, actor: actor(counter: counter))
                if global.json { Output.print(Output.json(TicketJSON(t, now: now))); return }
                let waiting = try db.tickets(day: t.day).filter { $0.status == .waiting }.count
                Output.print(lang == .vi
                    ? "Số thứ tự: \(t.code) — \(t.applicantName)\(t.isPriority ? " (ưu tiên)" : ""). Đang chờ: \(waiting)."
                    : "Ticket: \(t.code) — \(t.applicantName)\(t.isPriority ? " (priority)" : ""). Waiting: \(waiting).")
            }
        }
    }
}
