import Foundation
import Testing
import MotCuaCore
@testable import MotCuaStore

extension DeskStore {
    func book(_ name: String, phone: String? = nil, idNumber: String? = nil, at time: String, kind: AppointmentKind = .guidance,
              procedures: [String] = [], dossier: String? = nil, address: String? = nil, waitlist: Bool = false,
              now: String, actor: Actor = clerk1) throws -> BookingResult {
        guard let when = LocalDateTime(parsing: time) else { fatalError("bad test time \(time)") }
        return try bookAppointment(BookingRequest(name: name, phone: phone, idNumber: idNumber, at: when, kind: kind,
                                                  procedureCodes: procedures, dossierCode: dossier, address: address),
                                   waitlistIfFull: waitlist, now: at(now), actor: actor, calendar: testCalendar)
    }

    func booked(_ name: String, phone: String? = nil, at time: String, kind: AppointmentKind = .guidance,
                now: String, actor: Actor = clerk1) throws -> Appointment {
        guard case .booked(let a) = try book(name, phone: phone, at: time, kind: kind, now: now, actor: actor) else {
            fatalError("not booked")
        }
        return a
    }

    func eventCount() throws -> Int { try events(entity: "appointment", key: "%").count }

    func setSeats(_ n: Int) throws {
        var p = try profile()
        p.appointments.seats = n
        try saveProfile(p, now: at("2026-11-30 07:00"), actor: clerk1)
    }
}

@Suite struct AppointmentStoreTests {
    let fixture: StoreFixture
    var db: any DeskStore { fixture.store }
    init() throws { fixture = try StoreFixture() }

    @Test func aBookingHoldsItsPlaceAndIsAudited() throws {
        let a = try db.booked("lê thị hoa", phone: "0912 345 678", at: "2026-12-01 08:30", now: "2026-11-30 08:00")
        #expect(a.id != nil && a.applicantName == "Lê Thị Hoa" && a.phone == "0912345678")
        #expect(try db.appointments(day: date("2026-12-01")).map(\.id) == [a.id])
        let slot = try #require(try db.freeSlots(day: date("2026-12-01"), kind: .guidance, calendar: testCalendar).first { $0.timeText == "08:30" })
        #expect(slot.free == 1 && slot.capacity == 2)
        let events = try db.events(entity: "appointment", key: "\(a.id ?? 0)")
        #expect(events.map(\.action) == ["book"])
        #expect(EventData.parse(events[0].data).at == "2026-12-01 08:30")
    }

    @Test func aFullSlotIsRefusedNamingTheNextOneAndNothingIsWritten() throws {
        try db.setSeats(1)
        _ = try db.booked("Một", at: "2026-12-01 08:30", now: "2026-11-30 08:00")
        let before = try db.appointments(day: date("2026-12-01"))
        let e = #expect(throws: FieldError.self) { _ = try db.book("Hai", at: "2026-12-01 08:30", now: "2026-11-30 08:05") }
        #expect(e?.problem.vi.contains("đã kín (1/1 chỗ)") == true)
        #expect(e?.problem.vi.contains("08:15 Thứ Ba 01/12/2026") == true)
        #expect(try db.appointments(day: date("2026-12-01")) == before)
        #expect(try db.waitlist(day: date("2026-12-01")).isEmpty)
    }

    @Test func twoDesksBookingTheLastPlaceAtOnceOnlyOneGetsIt() throws {
        try db.setSeats(1)
        let path = db.path
        for round in 0..<8 {
            let minute = 7 * 60 + round * 15
            let time = String(format: "2026-12-01 %02d:%02d", minute / 60, minute % 60)
            let desks = [try AppDatabase(path: path), try AppDatabase(path: path)]
            let wins = Counter()
            DispatchQueue.concurrentPerform(iterations: 2) { i in
                if (try? desks[i].book("Người \(i)", at: time, now: "2026-11-30 06:00", actor: i == 0 ? clerk1 : clerk2)) != nil {
                    wins.add()
                }
            }
            #expect(wins.value == 1, "round \(round)")
        }
        #expect(try db.appointments(day: date("2026-12-01")).count == 8)
    }

    @Test func aFullSlotCanGoToTheWaitlistAndACancelOffersThePlace() throws {
        try db.setSeats(1)
        let first = try db.booked("Một", phone: "0911111111", at: "2026-12-01 09:00", now: "2026-11-30 08:00")
        let r1 = try db.book("Hai", phone: "0922222222", at: "2026-12-01 09:00", waitlist: true, now: "2026-11-30 08:01")
        let r2 = try db.book("Ba", phone: "0933333333", at: "2026-12-01 09:00", waitlist: true, now: "2026-11-30 08:02")
        guard case .waitlisted(let w1) = r1, case .waitlisted = r2 else { Issue.record("not waitlisted"); return }
        #expect(w1.status == .waiting)
        #expect(throws: FieldError.self) { _ = try db.book("Bốn", at: "2026-12-01 09:00", waitlist: true, now: "2026-11-30 08:03") }
        let result = try db.cancelAppointment(try #require(first.id), reason: "Bận việc gia đình", now: at("2026-11-30 10:00"),
                                              actor: clerk1, calendar: testCalendar)
        #expect(result.appointment.status == .cancelled)
        #expect(result.offer?.applicantName == "Hai")
        #expect(result.offer?.offeredMinute == 9 * 60)
        #expect(result.message?.vi.contains("0922222222") == true)
        #expect(try db.waitlistOffers(from: date("2026-11-30")).map(\.applicantName) == ["Hai"])
        // Hai is phoned and booked into the place: off the waitlist.
        _ = try db.booked("Hai", phone: "0922222222", at: "2026-12-01 09:00", now: "2026-11-30 10:05")
        #expect(try db.waitlist(day: date("2026-12-01")).map(\.status) == [.closed, .waiting])
        #expect(try db.waitlistOffers(from: date("2026-11-30")).isEmpty)
    }

    @Test func checkInIssuesAnHTicketCalledAtItsTimeBeforeEarlierWalkIns() throws {
        let a = try db.booked("Lê Thị Hoa", at: "2026-12-01 09:00", now: "2026-11-30 08:00")
        _ = try db.walkIn("Đỗ Văn Một", at: "2026-12-01 08:50")
        let checkIn = try db.checkIn(try #require(a.id), now: at("2026-12-01 08:55"), actor: clerk1, calendar: testCalendar)
        #expect(checkIn.ticket?.code == "H001")
        #expect(checkIn.appointment.status == .checkedIn && checkIn.appointment.ticketCode == "H001")
        #expect(checkIn.message == nil)
        // Before 09:00 the walk-in, issued first, goes first; at 09:00 the appointment does.
        #expect(try db.callNext(counter: 1, now: at("2026-12-01 09:00"), actor: clerk1).called?.code == "H001")
        let next = try db.callNext(counter: 1, now: at("2026-12-01 09:12"), actor: clerk1)
        #expect(next.finished?.code == "H001" && next.called?.code == "A001")
        #expect(try db.appointment(id: try #require(a.id))?.status == .served)
    }

    @Test func aCitizenTooLateQueuesAsAWalkInWithAMessage() throws {
        let a = try db.booked("Lê Thị Hoa", at: "2026-12-01 09:00", now: "2026-11-30 08:00")
        let r = try db.checkIn(try #require(a.id), now: at("2026-12-01 09:20"), actor: clerk1, calendar: testCalendar)
        #expect(r.ticket?.code == "A001")
        #expect(r.ticket?.appointmentAt == nil)
        #expect(r.message?.vi.contains("muộn 20 phút") == true)
    }

    @Test func aNoShowTicketMakesTheAppointmentANoShow() throws {
        let a = try db.booked("Lê Thị Hoa", at: "2026-12-01 09:00", now: "2026-11-30 08:00")
        _ = try db.checkIn(try #require(a.id), now: at("2026-12-01 08:55"), actor: clerk1, calendar: testCalendar)
        _ = try db.callNext(counter: 1, now: at("2026-12-01 09:00"), actor: clerk1)
        _ = try db.moveTicket(TicketMoveRequest(ticketCode: "H001", move: .noShow, counter: 1), now: at("2026-12-01 09:05"), actor: clerk1)
        #expect(try db.appointment(id: try #require(a.id))?.status == .noShow)
    }

    @Test func rescheduleMovesTheTimeAndKeepsTheHistory() throws {
        let a = try db.booked("Lê Thị Hoa", at: "2026-12-01 09:00", now: "2026-11-30 08:00")
        let id = try #require(a.id)
        let moved = try db.reschedule(id, to: try #require(LocalDateTime(parsing: "2026-12-02 14:00")), now: at("2026-11-30 09:00"),
                                      actor: clerk1, calendar: testCalendar)
        #expect(moved.appointment.day == date("2026-12-02") && moved.appointment.startMinute == 14 * 60)
        #expect(moved.appointment.rescheduleCount == 1)
        let last = try #require(try db.events(entity: "appointment", key: "\(id)").last)
        #expect(EventData.parse(last.data).before?["at"] == "2026-12-01 09:00")
        #expect(EventData.parse(last.data).after?["at"] == "2026-12-02 14:00")
        let e = #expect(throws: FieldError.self) {
            _ = try db.reschedule(id, to: try #require(LocalDateTime(parsing: "2026-12-02 12:00")), now: at("2026-11-30 09:00"),
                                  actor: clerk1, calendar: testCalendar)
        }
        #expect(e?.problem.vi.contains("nghỉ trưa") == true)
        #expect(try db.appointment(id: id)?.startMinute == 14 * 60)
    }

    @Test func rescheduleIntoItsOwnPlaceIsNotCountedAgainstItself() throws {
        try db.setSeats(1)
        let a = try db.booked("Lê Thị Hoa", phone: "0912345678", at: "2026-12-01 09:00", now: "2026-11-30 08:00")
        // Same day, next slot: the person's own booking does not count against the per-day cap.
        let r = try db.reschedule(try #require(a.id), to: try #require(LocalDateTime(parsing: "2026-12-01 09:15")),
                                  now: at("2026-11-30 09:00"), actor: clerk1, calendar: testCalendar)
        #expect(r.appointment.startMinute == 9 * 60 + 15)
    }

    @Test func undoTakesBackACheckInAndACancel() throws {
        try db.setSeats(1)
        let a = try db.booked("Lê Thị Hoa", phone: "0911111111", at: "2026-12-01 09:00", now: "2026-11-30 08:00")
        let id = try #require(a.id)
        _ = try db.book("Hai", phone: "0922222222", at: "2026-12-01 09:00", waitlist: true, now: "2026-11-30 08:01")
        _ = try db.cancelAppointment(id, reason: "Nhầm ngày", now: at("2026-11-30 09:00"), actor: clerk1, calendar: testCalendar)
        let undo = try db.undoLast(now: at("2026-11-30 09:01"), actor: clerk1)
        #expect(undo.message.vi.contains("#\(id)"))
        #expect(try db.appointment(id: id)?.status == .booked)
        #expect(try db.waitlist(day: date("2026-12-01")).map(\.status) == [.waiting])

        _ = try db.checkIn(id, now: at("2026-12-01 08:55"), actor: clerk1, calendar: testCalendar)
        _ = try db.undoLast(now: at("2026-12-01 08:56"), actor: clerk1)
        #expect(try db.appointment(id: id)?.status == .booked)
        #expect(try db.ticket(code: "H001", day: date("2026-12-01"))?.status == .cancelled)
        // Checked in again: the next number, H002 (a number is never given twice).
        #expect(try db.checkIn(id, now: at("2026-12-01 08:57"), actor: clerk1, calendar: testCalendar).ticket?.code == "H002")
    }

    @Test func aHomeDeliveryIsServedWhenTheResultIsDeliveredAndBlocksTheDeskForItsTravel() throws {
        let d = try db.receive("Trần Văn Bảy", procedure: P.tcht, delivery: "home", address: "Ấp 2", at: "2026-11-25 09:00")
        _ = try db.markReady(d.code, now: at("2026-11-30 09:00"), actor: clerk1)
        guard case .booked(let home) = try db.book("Trần Văn Bảy", at: "2026-12-01 08:20", kind: .home, dossier: d.code,
                                                   now: "2026-11-30 09:10") else { Issue.record("not booked"); return }
        #expect(home.address == "Ấp 2" && home.travelBefore == 20 && home.travelAfter == 20)
        let slots = try db.freeSlots(day: date("2026-12-01"), kind: .guidance, calendar: testCalendar)
        #expect(slots.first { $0.timeText == "08:00" }?.free == 1)
        #expect(slots.first { $0.timeText == "09:15" }?.free == 2)
        let twice = #expect(throws: FieldError.self) {
            _ = try db.book("Trần Văn Bảy", at: "2026-12-01 14:20", kind: .home, dossier: d.code, now: "2026-11-30 09:11")
        }
        #expect(twice?.field == "dossier")
        _ = try db.deliverHome(d.code, receivedBy: "Trần Văn Bảy", now: at("2026-12-01 08:40"), actor: clerk1)
        #expect(try db.appointment(id: try #require(home.id))?.status == .served)
    }

    @Test func findsTodaysAppointmentByNameOrPhone() throws {
        _ = try db.booked("Lê Thị Hoa", phone: "0912345678", at: "2026-12-01 09:00", now: "2026-11-30 08:00")
        _ = try db.booked("Nguyễn Văn An", phone: "0987654321", at: "2026-12-01 09:15", now: "2026-11-30 08:00")
        #expect(try db.findAppointments("le hoa", day: date("2026-12-01")).map(\.applicantName) == ["Lê Thị Hoa"])
        #expect(try db.findAppointments("0987 654", day: date("2026-12-01")).map(\.applicantName) == ["Nguyễn Văn An"])
    }
}

/// A thread-safe tally for the race test.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var n = 0
    func add() { lock.lock(); n += 1; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return n }
}
