import Foundation
import Testing
@testable import MotCuaCore

@Suite("Spoken calls")
struct CallSpeechTests {
    @Test("numbers as a caller says them", arguments: [
        (0, "không"), (1, "một"), (5, "năm"), (10, "mười"), (11, "mười một"), (14, "mười bốn"), (15, "mười lăm"),
        (20, "hai mươi"), (21, "hai mươi mốt"), (24, "hai mươi tư"), (25, "hai mươi lăm"), (55, "năm mươi lăm"),
        (100, "một trăm"), (105, "một trăm linh năm"), (110, "một trăm mười"), (115, "một trăm mười lăm"),
        (999, "chín trăm chín mươi chín"), (1005, "một nghìn không trăm linh năm"), (2024, "hai nghìn không trăm hai mươi tư"),
    ])
    func words(n: Int, said: String) {
        #expect(VietnameseNumberWords.words(n) == said)
    }

    @Test("a ticket is its series letter and its number, not its padding zeros")
    func tickets() {
        #expect(TicketCall.spokenTicket("A015") == "A mười lăm")
        #expect(TicketCall.spokenTicket("B002") == "bê hai")
        #expect(TicketCall.spokenTicket("H101") == "hát một trăm linh một")
        #expect(TicketCall.spokenTicket("??") == "??")
        let call = TicketCall(id: 1, ticket: "A015", counter: 2, at: Date())
        #expect(call.spoken == "Mời số A mười lăm đến quầy hai")
        #expect(call.sentence(.vi) == "Mời số A015 đến quầy 2")
    }

    func call(_ id: Int64, _ ticket: String, _ counter: Int = 1) -> TicketCall { TicketCall(id: id, ticket: ticket, counter: counter, at: Date()) }

    @Test("each call is announced once, oldest first, however the reloads bring them")
    func queueInOrderOnce() {
        var q = AnnouncementQueue()
        q.start(with: [call(3, "A003"), call(2, "A002")])
        // Two calls at the same moment, listed newest first, with an old one again.
        #expect(q.receive([call(5, "B001", 2), call(4, "A004"), call(3, "A003")]) == 2)
        // The next reload lists them again, and a new one.
        #expect(q.receive([call(6, "A005"), call(5, "B001", 2), call(4, "A004")]) == 1)
        var spoken: [String] = []
        while let c = q.next() { spoken.append(c.ticket) }
        #expect(spoken == ["A004", "B001", "A005"])
        // Already spoken: never again.
        #expect(q.receive([call(6, "A005"), call(5, "B001", 2)]) == 0)
        #expect(q.next() == nil)
    }

    @Test("a display started after the morning's calls does not repeat them")
    func startSkipsHistory() {
        var q = AnnouncementQueue()
        q.start(with: (1...8).map { call(Int64($0), "A00\($0)") })
        #expect(q.receive((1...8).map { call(Int64($0), "A00\($0)") }) == 0)
        #expect(q.next() == nil)
    }

    @Test("waits: longest and median of the people still waiting")
    func waits() {
        let day = LocalDate(iso: "2026-11-25")!
        let now = VietnamTime.instant(LocalDateTime(parsing: "2026-11-25 09:00")!)
        func t(_ minutesAgo: Int, _ status: Ticket.Status = .waiting) -> Ticket {
            Ticket(day: day, series: .ordinary, number: minutesAgo, applicantName: "X", status: status,
                   issuedAt: now.addingTimeInterval(Double(-minutesAgo * 60)))
        }
        let s = WaitStatistics(tickets: [t(30), t(10), t(20), t(90, .done), t(4)], now: now)
        #expect(s.count == 4 && s.longestMinutes == 30 && s.medianMinutes == 15)
        let none = WaitStatistics(tickets: [], now: now)
        #expect(none.longestMinutes == nil && none.medianMinutes == nil)
    }
}
