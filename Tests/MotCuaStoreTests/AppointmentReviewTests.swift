import Foundation
import Testing
import MotCuaCore
@testable import MotCuaStore

/// Found in review: undo could overbook, a served appointment left its ticket queued, a home
/// delivery outlived its dossier, held places were lost or offered where they could not be taken,
/// and the list predicted another call than call-next made.
@Suite struct AppointmentReviewTests {
    let fixture: StoreFixture
    var db: any DeskStore { fixture.store }
    init() throws { fixture = try StoreFixture() }

    @Test func undoingAMoveDoesNotTakeBackAPlaceSomeoneElseBooked() throws {
        try db.setSeats(1)
        let a = try db.booked("Một", phone: "0911111111", at: "2026-12-02 09:00", now: "2026-11-30 08:00")
        let id = try #require(a.id)
        _ = try db.reschedule(id, to: try #require(LocalDateTime(parsing: "2026-12-02 10:00")), now: at("2026-11-30 08:10"),
                              actor: clerk1, calendar: testCalendar)
        _ = try db.booked("Hai", phone: "0922222222", at: "2026-12-02 09:00", now: "2026-11-30 08:20", actor: clerk2)
        let e = #expect(throws: RuleViolation.self) { _ = try db.undoLast(now: at("2026-11-30 08:30"), actor: clerk1) }
        #expect(e?.message.vi.contains("đã có người khác đặt") == true)
        #expect(try db.appointment(id: id)?.startMinute == 10 * 60)
    }

    @Test func undoingACancelWithItsOfferPutsThePlaceBack() throws {
        try db.setSeats(1)
        let a = try db.booked("Một", phone: "0911111111", at: "2026-12-02 09:00", now: "2026-11-30 08:00")
        _ = try db.book("Hai", phone: "0922222222", at: "2026-12-02 09:00", waitlist: true, now: "2026-11-30 08:01")
        _ = try db.cancelAppointment(try #require(a.id), reason: "Bận", now: at("2026-11-30 08:10"), actor: clerk1, calendar: testCalendar)
        _ = try db.undoLast(now: at("2026-11-30 08:11"), actor: clerk1)
        #expect(try db.appointment(id: try #require(a.id))?.status == .booked)
        #expect(try db.waitlist(day: date("2026-12-02")).map(\.status) == [.waiting])
    }

    @Test func aCheckedInAppointmentEndsWithItsTicketNotByServe() throws {
        let a = try db.booked("Lê Thị Hoa", at: "2026-12-01 09:00", now: "2026-11-30 08:00")
        _ = try db.checkIn(try #require(a.id), now: at("2026-12-01 08:55"), actor: clerk1, calendar: testCalendar)
        let e = #expect(throws: RuleViolation.self) {
            _ = try db.actOnAppointment(AppointmentActionRequest(id: try #require(a.id), kind: .serve), now: at("2026-12-01 09:00"),
                                        actor: clerk1, calendar: testCalendar)
        }
        #expect(e?.message.vi.contains("H001") == true)
    }

    @Test func aHomeDeliveryIsCancelledWhenItsDossierEndsAnotherWay() throws {
        try db.setSeats(1)
        let d = try db.receive("Trần Văn Bảy", procedure: P.tcht, delivery: "home", address: "Ấp 2", at: "2026-11-25 09:00")
        _ = try db.markReady(d.code, now: at("2026-11-30 09:00"), actor: clerk1)
        guard case .booked(let home) = try db.book("Trần Văn Bảy", at: "2026-12-01 08:20", kind: .home, dossier: d.code,
                                                   now: "2026-11-30 09:10") else { Issue.record("not booked"); return }
        let returned = try db.returnResult(d.code, receivedBy: "Trần Văn Bảy", now: at("2026-11-30 10:00"), actor: clerk1)
        #expect(returned.notes.first?.vi.contains("Đã huỷ lịch hẹn trả tại nhà #1") == true)
        #expect(try db.appointment(id: try #require(home.id))?.status == .cancelled)
        // Undo names the dossier's step and puts both back.
        let undo = try db.undoLast(now: at("2026-11-30 10:01"), actor: clerk1)
        #expect(undo.subject == d.code, "\(undo.message.vi)")
        #expect(try db.appointment(id: try #require(home.id))?.status == .booked)
        _ = try db.returnResult(d.code, receivedBy: "Trần Văn Bảy", now: at("2026-11-30 10:02"), actor: clerk1)
        #expect(try db.freeSlots(day: date("2026-12-01"), kind: .guidance, calendar: testCalendar).first { $0.timeText == "08:15" }?.free == 1)
    }

    @Test func aPlaceHeldForSomeoneWhoBooksAnotherTimeGoesToTheNext() throws {
        try db.setSeats(1)
        let a = try db.booked("Một", phone: "0911111111", at: "2026-12-02 09:00", now: "2026-11-30 08:00")
        _ = try db.book("Hai", phone: "0922222222", at: "2026-12-02 09:00", waitlist: true, now: "2026-11-30 08:01")
        _ = try db.book("Ba", phone: "0933333333", at: "2026-12-02 09:00", waitlist: true, now: "2026-11-30 08:02")
        _ = try db.cancelAppointment(try #require(a.id), reason: "Bận", now: at("2026-11-30 08:10"), actor: clerk1, calendar: testCalendar)
        _ = try db.booked("Hai", phone: "0922222222", at: "2026-12-02 10:00", now: "2026-11-30 08:20")
        #expect(try db.waitlistOffers(from: date("2026-11-30")).map(\.applicantName) == ["Ba"])
    }

    @Test func aPlaceTooSoonToBookIsNotOffered() throws {
        try db.setSeats(1)
        let a = try db.booked("Một", phone: "0911111111", at: "2026-11-30 09:00", now: "2026-11-30 07:00")
        _ = try db.book("Hai", phone: "0922222222", at: "2026-11-30 09:00", waitlist: true, now: "2026-11-30 07:01")
        let r = try db.cancelAppointment(try #require(a.id), reason: "Bận", now: at("2026-11-30 08:30"), actor: clerk1, calendar: testCalendar)
        #expect(r.offer == nil)
        #expect(try db.waitlist(day: date("2026-11-30")).map(\.status) == [.waiting])
    }

    @Test func theSamePersonIsOnTheWaitlistOnceADay() throws {
        try db.setSeats(1)
        _ = try db.booked("Một", phone: "0911111111", at: "2026-12-02 09:00", now: "2026-11-30 08:00")
        _ = try db.booked("Bốn", phone: "0944444444", at: "2026-12-02 09:15", now: "2026-11-30 08:00")
        _ = try db.book("Hai", phone: "0922222222", at: "2026-12-02 09:00", waitlist: true, now: "2026-11-30 08:01")
        let e = #expect(throws: FieldError.self) {
            _ = try db.book("Hai", phone: "0922222222", at: "2026-12-02 09:15", waitlist: true, now: "2026-11-30 08:02")
        }
        #expect(e?.problem.vi.contains("đã có trong danh sách chờ") == true)
    }

    @Test func theListPredictsTheCallAfterARecall() throws {
        // Two counters; H001 called, A001 called, then H001 recalled: the next call follows the
        // last call (A001, a walk-in), and the list says the same.
        try db.setSeats(4)
        _ = try db.walkIn("Đỗ Văn Một", at: "2026-12-01 07:40")
        _ = try db.walkIn("Đỗ Văn Hai", at: "2026-12-01 07:41")
        for (name, phone) in [("Lê Thị Hoa", "0911111111"), ("Lê Thị Huệ", "0922222222")] {
            let a = try db.booked(name, phone: phone, at: "2026-12-01 08:00", now: "2026-11-30 08:00")
            _ = try db.checkIn(try #require(a.id), now: at("2026-12-01 07:50"), actor: clerk1, calendar: testCalendar)
        }
        #expect(try db.callNext(counter: 1, now: at("2026-12-01 08:01"), actor: clerk1).called?.code == "H001")
        #expect(try db.callNext(counter: 2, now: at("2026-12-01 08:02"), actor: clerk2).called?.code == "A001")
        _ = try db.moveTicket(TicketMoveRequest(ticketCode: "H001", move: .recall, counter: 1), now: at("2026-12-01 08:03"), actor: clerk1)
        let predicted = try db.callingOrder(day: date("2026-12-01"), now: at("2026-12-01 08:04")).first { $0.status == .waiting }
        let called = try db.callNext(counter: 2, now: at("2026-12-01 08:04"), actor: clerk2).called
        #expect(predicted?.code == called?.code)
        #expect(called?.code == "H002")
    }

    @Test func aPostedResultSaysItWentByPost() throws {
        let d = try db.receive("Trần Văn Bảy", procedure: P.tcht, delivery: "desk", address: "Ấp 2", at: "2026-11-25 09:00")
        _ = try db.markReady(d.code, now: at("2026-11-30 09:00"), actor: clerk1)
        _ = try db.post(d.code, trackingNumber: "EC136431858VN", address: "Ấp 2", now: at("2026-11-30 10:00"), actor: clerk1)
        #expect(try db.dossier(code: d.code)?.delivery == .post)
    }
}
