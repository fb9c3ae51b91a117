import Foundation
import Testing
import PropertyBased
@testable import MotCuaCore

@Suite struct QueueRulesTests {
    let day = LocalDate(year: 2026, month: 11, day: 25)!
    func t(_ n: Int, _ minute: Int, priority: String? = nil, appointment: Int? = nil) -> Ticket {
        let base = VietnamTime.instant(LocalDateTime(date: day, hour: 8, minute: 0))
        return Ticket(id: Int64(n), day: day, series: priority == nil ? .ordinary : .priority, number: n, applicantName: "P\(n)",
                      priorityCode: priority, issuedAt: base.addingTimeInterval(Double(minute * 60)),
                      appointmentAt: appointment.map { base.addingTimeInterval(Double($0 * 60)) })
    }
    var now: Date { VietnamTime.instant(LocalDateTime(date: day, hour: 9, minute: 0)) }

    @Test func priorityGroupsInConfiguredOrderThenIssueTime() {
        let list = [t(1, 0), t(2, 1, priority: "child"), t(3, 2, priority: "merit"), t(4, 3)]
        #expect(QueueRules.nextToCall(list, now: now, policy: PriorityPolicy())?.number == 3)
        let noPriority = [t(5, 9), t(1, 0), t(4, 3)]
        #expect(QueueRules.nextToCall(noPriority, now: now, policy: PriorityPolicy())?.number == 1)
    }

    @Test func appointmentWhoseTimeHasComeGoesFirst() {
        let list = [t(1, 0, priority: "elderly"), t(2, 30, appointment: 55), t(3, 40, appointment: 90)]
        #expect(QueueRules.nextToCall(list, now: now, policy: PriorityPolicy())?.number == 2)
    }

    @Test func onlyWaitingTicketsAreCalled() {
        var a = t(1, 0); a.status = .done
        #expect(QueueRules.nextToCall([a], now: now, policy: PriorityPolicy()) == nil)
    }

    @Test func otherPriorityNeedsAReason() throws {
        #expect(throws: FieldError.self) { _ = try PriorityPolicy().validate(code: "other", reason: "  ") }
        #expect(try PriorityPolicy().validate(code: "Other", reason: "thương binh").reason == "thương binh")
        #expect(throws: FieldError.self) { _ = try PriorityPolicy().validate(code: "vip", reason: nil) }
    }

    @Test func ticketCodesRoundTrip() async throws {
        await propertyCheck(input: Gen.int(in: 1...999), Gen.bool) { n, priority in
            let series: Ticket.Series = priority ? .priority : .ordinary
            let code = Ticket.code(series: series, number: n)
            #expect(code.count == 4)
            let parsed = try? Ticket.parse(code: code.lowercased())
            #expect(parsed?.series == series && parsed?.number == n)
        }
        #expect(throws: FieldError.self) { _ = try Ticket.parse(code: "Z01") }
        #expect(throws: FieldError.self) { _ = try Ticket.parse(code: "A") }
    }
}
