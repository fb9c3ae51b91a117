import Foundation
import Testing
import MotCuaCore
@testable import MotCuaStore

/// Found in the new-clerk trials: a freed place went to whoever booked next, a reschedule freed
/// a place without offering it, and calls in the same minute were told apart by id.
@Suite struct WaitlistHoldTests {
    let fixture: StoreFixture
    var db: any DeskStore { fixture.store }
    init() throws { fixture = try StoreFixture() }

    func fullNineOClockWithTwoWaiting() throws -> Appointment {
        try db.setSeats(1)
        let first = try db.booked("Một", phone: "0911111111", at: "2026-12-01 09:00", now: "2026-11-30 08:00")
        _ = try db.book("Hai", phone: "0922222222", at: "2026-12-01 09:00", waitlist: true, now: "2026-11-30 08:01")
        _ = try db.book("Ba", phone: "0933333333", at: "2026-12-01 09:00", waitlist: true, now: "2026-11-30 08:02")
        return first
    }

    @Test func theOfferedPlaceIsHeldForThePersonPhonedNotForWhoeverBooksNext() throws {
        let first = try fullNineOClockWithTwoWaiting()
        _ = try db.cancelAppointment(try #require(first.id), reason: "Bận", now: at("2026-11-30 10:00"), actor: clerk1, calendar: testCalendar)
        let stranger = #expect(throws: FieldError.self) {
            _ = try db.book("Người Lạ", phone: "0944444444", at: "2026-12-01 09:00", now: "2026-11-30 10:01")
        }
        #expect(stranger?.problem.vi.contains("đã kín") == true)
        #expect(stranger?.problem.vi.contains("giữ cho người trong danh sách chờ: C1 Hai") == true, "\(stranger?.problem.vi ?? "")")
        #expect(try db.freeSlots(day: date("2026-12-01"), kind: .guidance, calendar: testCalendar).first { $0.timeText == "09:00" }?.free == 0)
        // Hai, phoned, takes it.
        guard case .booked(let hai) = try db.book("Hai", phone: "0922 222 222", at: "2026-12-01 09:00", now: "2026-11-30 10:05") else {
            Issue.record("Hai not booked"); return
        }
        #expect(hai.startMinute == 9 * 60)
        #expect(try db.waitlist(day: date("2026-12-01")).map(\.status) == [.closed, .waiting])
        #expect(try db.waitlist(day: date("2026-12-01")).first?.statusLabel.vi == "Đã đặt hẹn")
    }

    @Test func undoWithoutACounterTakesBackTheClerksLastChangeAtAnyCounter() throws {
        _ = try db.walkIn("Đỗ Văn Một", at: "2026-12-01 07:00")
        _ = try db.walkIn("Đỗ Văn Hai", at: "2026-12-01 07:01")
        _ = try db.callNext(counter: 2, now: at("2026-12-01 07:02"), actor: Actor(user: "lan", counter: 2))
        _ = try db.callNext(counter: 1, now: at("2026-12-01 07:04"), actor: Actor(user: "lan", counter: 1))
        let undo = try db.undoLast(now: at("2026-12-01 07:05"), actor: Actor(user: "lan", counter: nil))
        #expect(undo.subject == "A002", "\(undo.message.vi)")
    }

    @Test func aRescheduleOffersThePlaceItLeaves() throws {
        let first = try fullNineOClockWithTwoWaiting()
        let moved = try db.reschedule(try #require(first.id), to: try #require(LocalDateTime(parsing: "2026-12-01 14:00")),
                                      now: at("2026-11-30 10:00"), actor: clerk1, calendar: testCalendar)
        #expect(moved.offer?.applicantName == "Hai")
        #expect(moved.message?.vi.contains("0922222222") == true)
        #expect(try db.waitlistOffers(from: date("2026-11-30")).map(\.applicantName) == ["Hai"])
    }

    @Test func takingSomeoneOffTheListPassesTheirHeldPlaceOn() throws {
        let first = try fullNineOClockWithTwoWaiting()
        let cancel = try db.cancelAppointment(try #require(first.id), reason: "Bận", now: at("2026-11-30 10:00"), actor: clerk1, calendar: testCalendar)
        let hai = try #require(cancel.offer?.id)
        let removal = try db.removeFromWaitlist(hai, reason: "Không liên lạc được", now: at("2026-11-30 11:00"), actor: clerk1)
        #expect(removal.entry.status == .closed)
        #expect(removal.offer?.applicantName == "Ba")
        #expect(try db.waitlistOffers(from: date("2026-11-30")).map(\.applicantName) == ["Ba"])
        let again = #expect(throws: FieldError.self) { _ = try db.removeFromWaitlist(hai, reason: nil, now: at("2026-11-30 11:01"), actor: clerk1) }
        #expect(again?.field == "waitlist")
        #expect(try db.waitlist(day: date("2026-12-01")).first?.statusLabel.vi == "Đã xoá khỏi danh sách")
        #expect(try db.waitlistOffers(from: date("2026-11-30")).first?.freedBy == cancel.appointment.id)
        let undo = try db.undoLast(now: at("2026-11-30 11:02"), actor: clerk1)
        #expect(undo.message.vi.contains("Xoá khỏi danh sách chờ"))
        #expect(try db.waitlistOffers(from: date("2026-11-30")).map(\.applicantName) == ["Hai"])
    }

    @Test func undoOfABookingNamesTheBookingNotTheWaitlist() throws {
        try db.setSeats(1)
        _ = try db.booked("Một", phone: "0911111111", at: "2026-12-01 09:00", now: "2026-11-30 08:00")
        _ = try db.book("Hai", phone: "0922222222", at: "2026-12-01 09:00", waitlist: true, now: "2026-11-30 08:01")
        _ = try db.booked("Hai", phone: "0922222222", at: "2026-12-01 10:00", now: "2026-11-30 08:02")
        let undo = try db.undoLast(now: at("2026-11-30 08:03"), actor: clerk1)
        #expect(undo.message.vi.contains("Đặt lịch hẹn #2"), "\(undo.message.vi)")
        #expect(try db.waitlist(day: date("2026-12-01")).map(\.status) == [.waiting])
    }

    @Test func aHomeDeliveryBookedWithoutAPhoneTakesTheApplicantsPhone() throws {
        let d = try db.receiveDossier(ReceiveRequest(procedureCode: P.tcht, name: "Trần Văn Bảy", phone: "0977 123 456",
                                                     delivery: "home", deliveryAddress: "Ấp 2"),
                                      now: at("2026-11-25 09:00"), actor: clerk1, calendar: testCalendar)
        guard case .booked(let a) = try db.book("Trần Văn Bảy", at: "2026-12-01 08:20", kind: .home, dossier: d.code,
                                                now: "2026-11-30 09:10") else { Issue.record("not booked"); return }
        #expect(a.phone == "0977123456")
    }

    @Test func twoCallsInTheSameMinuteAreToldApartByTheirOrder() throws {
        // A walk-in since 08:00; an appointment due at 08:30; A002 later. At 08:30 (A001 waited
        // 30 > 20): H001 is called, then A001 — in the same minute. The next call must be the
        // appointment's turn again only after a walk-in: H002 (due 08:30) comes after A001.
        _ = try db.walkIn("Đỗ Văn Một", at: "2026-12-01 08:00")
        _ = try db.walkIn("Đỗ Văn Hai", at: "2026-12-01 08:01")
        let h1 = try db.booked("Lê Thị Hoa", at: "2026-12-01 08:30", now: "2026-11-30 08:00")
        let h2 = try db.booked("Lê Thị Huệ", at: "2026-12-01 08:30", now: "2026-11-30 08:00")
        _ = try db.checkIn(try #require(h1.id), now: at("2026-12-01 08:20"), actor: clerk1, calendar: testCalendar)
        _ = try db.checkIn(try #require(h2.id), now: at("2026-12-01 08:21"), actor: clerk1, calendar: testCalendar)
        let now = at("2026-12-01 08:30")
        #expect(try db.callNext(counter: 1, now: now, actor: clerk1).called?.code == "H001")
        #expect(try db.callNext(counter: 2, now: now, actor: clerk2).called?.code == "A001")
        #expect(try db.callNext(counter: 1, now: now, actor: clerk1).called?.code == "H002")
        #expect(try db.callNext(counter: 2, now: now, actor: clerk2).called?.code == "A002")
    }
}

@Suite struct HomeDeliveryAddressTests {
    @Test func aHomeDeliveryWithoutAnAddressTakesTheApplicantsWhenTheDossierHasNone() throws {
        let fixture = try StoreFixture()
        let db = fixture.store
        let d = try db.receiveDossier(ReceiveRequest(procedureCode: P.tcht, name: "Trần Văn Bảy", phone: "0977123456",
                                                     address: "Thôn 5, xã Tân Phú", delivery: "desk"),
                                      now: at("2026-11-25 09:00"), actor: clerk1, calendar: testCalendar)
        guard case .booked(let a) = try db.book("Trần Văn Bảy", at: "2026-12-01 08:20", kind: .home, dossier: d.code,
                                                now: "2026-11-30 09:10") else { Issue.record("not booked"); return }
        #expect(a.address == "Thôn 5, xã Tân Phú")
    }
}
