import ArgumentParser
import Foundation
import MotCuaCore
import MotCuaStore

struct QueueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "queue", abstract: "Hàng chờ hôm nay (today's queue).",
                                                    subcommands: [List.self, CallNext.self, Serve.self, Recall.self, Done.self, NoShow.self, BringBack.self, Left.self, Transfer.self], defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Danh sách số thứ tự hôm nay (list today's tickets).")
        @OptionGroup var global: GlobalOptions
        @Flag(help: "Cả phiếu đã xong (include finished tickets)") var all = false

        func run() throws {
            try runReporting(global) { lang in
                let db = try global.openExistingDatabase()
                let now = try global.clock().now()
                let day = VietnamTime.local(now).date
                let profile = try db.profile()
                // Shown in calling order, so the first waiting row is who is called next.
                var list = try db.callingOrder(day: day, now: now)
                if !all { list = list.filter { !$0.status.isFinal } }
                if global.json { Output.print(Output.json(list.map { TicketJSON($0, now: now) })); return }
                if list.isEmpty {
                    Output.print(lang == .vi ? "Không có ai trong hàng chờ hôm nay (\(day.vietnamese))." : "Nobody in today's queue (\(day.iso)).")
                    return
                }
                let header = lang == .vi ? ["Số", "Họ tên", "Ưu tiên/Hẹn", "Thủ tục", "Trạng thái", "Quầy", "Chờ (phút)"]
                                         : ["Ticket", "Name", "Priority/Appt", "Procedure", "Status", "Counter", "Waited (min)"]
                let rows = list.map { t in
                    [t.code, t.applicantName,
                     t.priorityCode.flatMap { profile.priority.group(code: $0)?.label.text(lang) }
                        ?? t.appointmentAt.map { (lang == .vi ? "hẹn " : "appt ") + $0.vnTime } ?? "",
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

        /// The counter's current ticket is finished as done first (QueueRules.callNext).
        func run() throws {
            try runReporting(global) { lang in
                let db = try global.openExistingDatabase()
                let now = try global.clock().now()
                let result = try db.callNext(counter: counter, now: now, actor: try global.actor(counter: counter))
                if global.json {
                    struct R: JSONRow { let finished: TicketJSON?; let called: TicketJSON? }
                    Output.print(Output.json(R(finished: result.finished.map { TicketJSON($0, now: now) },
                                               called: result.called.map { TicketJSON($0, now: now) })))
                    return
                }
                if let done = result.finished {
                    Output.print(lang == .vi ? "Số \(done.code) — \(done.applicantName): xong." : "\(done.code) — \(done.applicantName): done.")
                }
                guard let t = result.called else {
                    Output.print(lang == .vi ? "Không còn ai đang chờ." : "Nobody is waiting.")
                    return
                }
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

    struct Done: TicketMoveCommand {
        static let configuration = CommandConfiguration(abstract: "Đã phục vụ xong (mark done).")
        static let step = TicketMove.done
        @OptionGroup var global: GlobalOptions
        @OptionGroup var move: TicketArguments
    }

    struct NoShow: TicketMoveCommand {
        static let configuration = CommandConfiguration(commandName: "no-show", abstract: "Gọi mà không có mặt (no-show).")
        static let step = TicketMove.noShow
        @OptionGroup var global: GlobalOptions
        @OptionGroup var move: TicketArguments
    }

    struct Serve: TicketMoveCommand {
        static let configuration = CommandConfiguration(abstract: "Bắt đầu phục vụ số đã gọi (start serving).")
        static let step = TicketMove.serve
        @OptionGroup var global: GlobalOptions
        @OptionGroup var move: TicketArguments
    }

    struct Recall: TicketMoveCommand {
        static let configuration = CommandConfiguration(abstract: "Gọi lại số đã gọi, tại cùng quầy (recall at the same counter).")
        static let step = TicketMove.recall
        @OptionGroup var global: GlobalOptions
        @OptionGroup var move: TicketArguments
    }

    struct Left: TicketMoveCommand {
        static let configuration = CommandConfiguration(abstract: "Người chờ đã bỏ về (left without being served).")
        static let step = TicketMove.left
        @OptionGroup var global: GlobalOptions
        @OptionGroup var move: TicketArguments
    }

    struct BringBack: TicketMoveCommand {
        static let configuration = CommandConfiguration(commandName: "bring-back",
            abstract: "Người vắng mặt quay lại (trong ngày): chờ lại đúng chỗ cũ (bring back a no-show, same day).")
        static let step = TicketMove.bringBack
        @OptionGroup var global: GlobalOptions
        @OptionGroup var move: TicketArguments
    }

    struct Transfer: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Chuyển số đang phục vụ sang quầy khác (transfer to another counter).")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var move: TicketArguments
        @Option(name: .customLong("to"), help: "Quầy nhận (counter it goes to)") var toCounter: Int

        func run() throws {
            try runReporting(global) { lang in
                let db = try global.openExistingDatabase()
                let now = try global.clock().now()
                let t = try db.transfer(move.ticket, from: move.counter, to: toCounter, now: now, actor: try global.actor(counter: move.counter))
                if global.json { Output.print(Output.json(TicketJSON(t, now: now))); return }
                Output.print(lang == .vi ? "Đã chuyển số \(t.code) — \(t.applicantName) — sang quầy \(toCounter)."
                                         : "\(t.code) — \(t.applicantName) — sent to counter \(toCounter).")
            }
        }
    }
}

/// A subcommand that makes one move of one of today's tickets; `run` is shared.
protocol TicketMoveCommand: ParsableCommand {
    static var step: TicketMove { get }
    var global: GlobalOptions { get }
    var move: QueueCommand.TicketArguments { get }
}

extension TicketMoveCommand {
    func run() throws {
        try runReporting(global) { lang in
            let db = try global.openExistingDatabase()
            let now = try global.clock().now()
            let t = try db.moveTicket(TicketMoveRequest(ticketCode: move.ticket, move: Self.step, counter: move.counter),
                                      now: now, actor: try global.actor(counter: move.counter))
            if global.json { Output.print(Output.json(TicketJSON(t, now: now))); return }
            Output.print("\(t.code) — \(t.applicantName): \(t.status.label.text(lang))")
        }
    }
}
