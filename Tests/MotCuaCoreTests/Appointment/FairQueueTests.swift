import Foundation
import Testing
@testable import MotCuaCore

/// The fairness rule: appointments whose time has come go first, but once a walk-in has waited
/// longer than the limit, at most one appointment is called between two walk-ins.
@Suite struct FairQueueTests {
    let day = LocalDate(year: 2026, month: 12, day: 1)!
    func time(_ h: Int, _ m: Int) -> Date { VietnamTime.instant(LocalDateTime(date: day, hour: h, minute: m)) }
    func walkIn(_ n: Int, issued: Date, priority: String? = nil) -> Ticket {
        Ticket(id: Int64(n), day: day, series: priority == nil ? .ordinary : .priority, number: n, applicantName: "W\(n)",
               priorityCode: priority, issuedAt: issued)
    }
    func booked(_ n: Int, issued: Date, at: Date) -> Ticket {
        Ticket(id: Int64(100 + n), day: day, series: .appointment, number: n, applicantName: "H\(n)", issuedAt: issued,
               appointmentAt: at, appointmentId: Int64(n))
    }
    let policy = PriorityPolicy()

    @Test func aDueAppointmentGoesBeforeAWalkInWhoHasNotWaitedLong() {
        let list = [walkIn(1, issued: time(8, 50)), booked(1, issued: time(8, 45), at: time(9, 0))]
        let now = time(9, 0)
        #expect(QueueRules.nextToCall(list, now: now, policy: policy, fairness: FairQueue(walkInWaitMinutes: 20, lastCalledWasAppointment: true))?.code == "H001")
    }

    @Test func anAppointmentCheckedInEarlyWaitsForItsTimeUnlessNobodyElseWaits() {
        let list = [walkIn(1, issued: time(8, 50)), booked(1, issued: time(8, 40), at: time(9, 30))]
        // Checked in first, but promised 09:30, not a place ahead of people waiting now.
        #expect(QueueRules.nextToCall(list, now: time(9, 0), policy: policy)?.code == "A001")
        #expect(QueueRules.nextToCall([list[1]], now: time(9, 0), policy: policy)?.code == "H001")
        // Found in the trial: early appointments must not count as long-waiting walk-ins, nor
        // pass a due appointment. 1 counter; H001–H004 for 08:00, H005–H006 for 08:15, all
        // checked in at 07:45; A001 at 07:50. At 08:06 after H001–H003: H004 (due), then A001.
        let trial = (1...4).map { booked($0, issued: time(7, 45), at: time(8, 0)) }
            + (5...6).map { booked($0, issued: time(7, 45), at: time(8, 15)) } + [walkIn(1, issued: time(7, 50))]
        let afterThree = Array(trial.dropFirst(3))
        let order = QueueRules.callingOrder(afterThree, now: time(8, 6), policy: policy,
                                            fairness: FairQueue(walkInWaitMinutes: 20, lastCalledWasAppointment: true))
        #expect(order.map(\.code) == ["H004", "A001", "H005", "H006"])
    }

    @Test func aWalkInIsNotPassedByAppointmentsThatAreNotDueYet() {
        // 12 appointments checked in early for 08:30 and earlier; A001 since 07:46.
        let now = time(8, 10)
        var list = (1...8).map { booked($0, issued: time(7, 40), at: time(8, 0)) }
        list += (9...12).map { booked($0, issued: time(7, 40), at: time(8, 30)) }
        list.append(walkIn(1, issued: time(7, 46)))
        let order = QueueRules.callingOrder(list, now: now, policy: policy, fairness: FairQueue(walkInWaitMinutes: 20, lastCalledWasAppointment: true))
        #expect(order.first?.code == "A001")
        #expect(Array(order.suffix(4)).map(\.code) == ["H009", "H010", "H011", "H012"])
    }

    @Test func aWalkInWhoHasWaitedTooLongGetsEveryOtherCall() {
        let now = time(10, 0)
        let list = [walkIn(1, issued: time(9, 30)), walkIn(2, issued: time(9, 35)),
                    booked(1, issued: time(9, 0), at: time(9, 15)), booked(2, issued: time(9, 0), at: time(9, 30)),
                    booked(3, issued: time(9, 0), at: time(9, 45))]
        let fresh = FairQueue(walkInWaitMinutes: 20, lastCalledWasAppointment: false)
        #expect(QueueRules.callingOrder(list, now: now, policy: policy, fairness: fresh).map(\.code)
                == ["H001", "A001", "H002", "A002", "H003"])
        let afterAppointment = FairQueue(walkInWaitMinutes: 20, lastCalledWasAppointment: true)
        #expect(QueueRules.nextToCall(list, now: now, policy: policy, fairness: afterAppointment)?.code == "A001")
        #expect(QueueRules.callingOrder(list, now: now, policy: policy, fairness: afterAppointment).map(\.code)
                == ["A001", "H001", "A002", "H002", "H003"])
    }

    @Test func underTheLimitAppointmentsAllGoFirst() {
        let now = time(10, 0)
        let list = [walkIn(1, issued: time(9, 45)), booked(1, issued: time(9, 0), at: time(9, 15)),
                    booked(2, issued: time(9, 0), at: time(9, 30))]
        #expect(QueueRules.callingOrder(list, now: now, policy: policy, fairness: FairQueue(walkInWaitMinutes: 20, lastCalledWasAppointment: true)).map(\.code)
                == ["H001", "H002", "A001"])
        // The limit is the desk's: at 10 minutes the walk-in (15 minutes) is already owed a turn.
        #expect(QueueRules.callingOrder(list, now: now, policy: policy, fairness: FairQueue(walkInWaitMinutes: 10, lastCalledWasAppointment: true)).map(\.code)
                == ["A001", "H001", "H002"])
    }

    @Test func noWalkInWaitsForEverHoweverManyAppointmentsCome() {
        // 40 due appointments and 3 walk-ins who have waited long: each walk-in is called within
        // two calls of the one before.
        let now = time(11, 0)
        var list = (1...40).map { booked($0, issued: time(8, 0), at: time(8, 0).addingTimeInterval(Double($0 * 60))) }
        list += (1...3).map { walkIn($0, issued: time(9, 0 + $0)) }
        let order = QueueRules.callingOrder(list, now: now, policy: policy, fairness: FairQueue(walkInWaitMinutes: 20))
        let positions = order.enumerated().filter { $0.element.series == .ordinary }.map(\.offset)
        #expect(positions == [1, 3, 5])
        #expect(order.count == 43)
    }
}
