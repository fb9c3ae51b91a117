import ArgumentParser
import Foundation
import MotCuaCore
import MotCuaStore

struct QueueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "queue", abstract: "Hàng chờ hôm nay (today's queue).",
                                                    subcommands: [List.self, CallNext.self, Done.self, NoShow.self, Serve.self, Recall.self, Left.self], defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Danh sách số thứ tự hôm nay (list today's tickets).")
        @OptionGroup var global: GlobalOptions
        @Flag(help: "Cả phiếu đã xong (include finished tickets)") var all = false

        func run() throws {
            try runReporting(global) { lang in
                let db = try global.openDatabase(readOnly: false)
                let now = try global.clock().now()
                let day = VietnamTime.local(now).date
                let profile = try db.profile()
                var list = try db.tickets(day: day)
                if !all { list = list.filter { !$0.status.isFinal } }
                // Shown in calling order, so the first waiting row is who is called next.
                list = QueueRules.callingOrder(list, now: now, policy: profile.priority)
                if global.json { Output.print(Output.json(list.map { TicketJSON($0, now: now) })); return }
                if list.isEmpty {
                    Output.print(lang == .vi ? "Không có ai trong hàng chờ hôm nay (\(day.vietnamese))." : "Nobody in today's queue (\(day.iso)).")
                    return
                }
                let header = lang == .vi ? ["Số", "Họ tên", "Ưu tiên", "Thủ tục", "Trạng thái", "Quầy", "Chờ (phút)"]
                                         : ["Ticket", "Name", "Priority", "Procedure", "Status", "Counter", "Waited (min)"]
                let rows = list.map { t in
                    [t.code, t.applicantName,
                     t.priorityCode.flatMap { profile.priority.group(code: $0)?.label.text(lang) } ?? "",
                     t.procedureCode ?? "", t.status.label.text(lang), t.counter.map(String.init) ?? "",
                     String(t.waitedMinutes(now: now))]
                }
                Output.print(Output.table(header, rows))
            }
        }
    }

    struct CallNext: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "call-next", abstract: "Gọi số tiếp theo (call the next ticket).")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Quầy (counter number)") var counter: Int

        func run() throws {
            try runReporting(global) { lang in
                let db = try global.openDatabase()
                let now = try global.clock().now()
                guard let t = try db.callNext(counter: counter, now: now, actor: actor(counter: counter)) else {
                    if global.json { Output.print("null") } else {
                        Output.print(lang == .vi ? "Không còn ai đang chờ." : "Nobody is waiting.")
                    }
                    return
                }
                if global.json { Output.print(Output.json(TicketJSON(t, now: now))); return }
                Output.print(lang == .vi ? "Mời số \(t.code) — \(t.applicantName) — đến quầy \(counter)."
                                         : "Calling \(t.code) — \(t.applicantName) — to counter \(counter).")
            }
        }
    }

    /// The ticket a move applies to, shared by done, no-show, serve, recall and left.
    struct TicketArguments: ParsableArguments {
        @Argument(help: "Số thứ tự, ví dụ A001 (ticket)") var ticket: String
        @Option(help: "Quầy (counter)") var counter: Int?
    }

    struct Done: TicketMove {
        static let configuration = CommandConfiguration(abstract: "Đã phục vụ xong (mark done).")
        static let target = Ticket.Status.done
        @OptionGroup var global: GlobalOptions
        @OptionGroup var move: TicketArguments
    }

    struct NoShow: TicketMove {
        static let configuration = CommandConfiguration(commandName: "no-show", abstract: "Gọi mà không có mặt (no-show).")
        static let target = Ticket.Status.noShow
        @OptionGroup var global: GlobalOptions
        @OptionGroup var move: TicketArguments
    }

    struct Serve: TicketMove {
        static let configuration = CommandConfiguration(abstract: "Bắt đầu phục vụ số đã gọi (start serving).")
        static let target = Ticket.Status.serving
        @OptionGroup var global: GlobalOptions
        @OptionGroup var move: TicketArguments
    }

    struct Recall: TicketMove {
        static let configuration = CommandConfiguration(abstract: "Gọi lại số đã gọi (recall).")
        static let target = Ticket.Status.called
        @OptionGroup var global: GlobalOptions
        @OptionGroup var move: TicketArguments
    }

    struct Left: TicketMove {
        static let configuration = CommandConfiguration(abstract: "Người chờ đã bỏ về (left without being served).")
        static let target = Ticket.Status.left
        @OptionGroup var global: GlobalOptions
        @OptionGroup var move: TicketArguments
    }
}

/// A subcommand that moves one of today's tickets to `target`; `run` is shared.
protocol TicketMove: ParsableCommand {
    static var target: Ticket.Status { get }
    var global: GlobalOptions { get }
    var move: QueueCommand.TicketArguments { get }
}

extension TicketMove {
    func run() throws {
        try runReporting(global) { lang in
            let db = try global.openDatabase()
            let now = try global.clock().now()
            let t = try db.changeTicket(code: move.ticket, day: VietnamTime.local(now).date, to: Self.target, counter: move.counter,
                                        now: now, actor: actor(counter: move.counter))
            if global.json { Output.print(Output.json(TicketJSON(t, now: now))); return }
            Output.print("\(t.code) — \(t.applicantName): \(t.status.label.text(lang))")
        }
    }
}
