import Foundation
import Testing
@testable import MotCuaCore

/// Where appointments can go: opening hours over the working calendar (Tết, Giỗ Tổ, the make-up
/// Saturday), visit lengths per kind, travel for home deliveries, places per slot.
@Suite struct AppointmentScheduleTests {
    let schedule = AppointmentSchedule(settings: AppointmentSettings(), counters: 2, calendar: WorkingCalendar())

    func d(_ iso: String) -> LocalDate { LocalDate(iso: iso)! }
    func appt(_ day: String, _ hhmm: String, _ kind: AppointmentKind = .guidance, id: Int64 = 1,
              status: AppointmentStatus = .booked) -> Appointment {
        let s = AppointmentSettings()
        return Appointment(id: id, day: d(day), startMinute: TimeOfDay.parse(hhmm)!, minutes: s.minutes(for: kind), kind: kind,
                           status: status, applicantName: "P\(id)", travelBefore: s.travel(for: kind), travelAfter: s.travel(for: kind),
                           bookedAt: Date(timeIntervalSince1970: 0))
    }

    @Test func anOrdinaryWeekdayHasMorningAndAfternoonSlotsAndNoneInTheLunchBreak() {
        let slots = schedule.slots(on: d("2026-12-01"), kind: .guidance, existing: [])
        #expect(slots.count == 18 + 14)
        #expect(slots.first?.timeText == "07:00")
        #expect(slots.map(\.timeText).contains("11:15"))
        #expect(!slots.map(\.timeText).contains("11:30"))
        #expect(!slots.contains { (690..<810).contains($0.startMinute) })
        #expect(slots.last?.timeText == "16:45")
        #expect(slots.allSatisfy { $0.free == 2 && $0.capacity == 2 })
    }

    @Test func noSlotEndsAfterClosing() {
        for kind in AppointmentKind.allCases {
            let slots = schedule.slots(on: d("2026-12-01"), kind: kind, existing: [])
            let spans = schedule.openSpans(d("2026-12-01"))
            for s in slots {
                let travel = schedule.settings.travel(for: kind)
                #expect(spans.contains { $0.start <= s.startMinute - travel && s.startMinute + s.minutes + travel <= $0.end }, "\(kind) \(s.timeText)")
            }
        }
    }

    @Test func tet2026IsClosedByNameAndTheWeekAfterIsOpen() {
        for day in ["2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20"] {
            #expect(schedule.slots(on: d(day), kind: .guidance, existing: []).isEmpty, "\(day)")
            #expect(schedule.closure(d(day))?.reason.vi.contains("Tết") == true, "\(day)")
        }
        #expect(schedule.slots(on: d("2026-02-13"), kind: .guidance, existing: []).count == 32)
        #expect(schedule.slots(on: d("2026-02-23"), kind: .guidance, existing: []).count == 32)
    }

    @Test func gioTo2026FallsOnSundaySoMondayIsOff() {
        #expect(schedule.slots(on: d("2026-04-26"), kind: .guidance, existing: []).isEmpty)
        #expect(schedule.slots(on: d("2026-04-27"), kind: .guidance, existing: []).isEmpty)
        #expect(schedule.closure(d("2026-04-27"))?.reason.vi.isEmpty == false)
        #expect(schedule.closure(d("2026-04-26"))?.reason.vi.contains("Chủ nhật") == true || schedule.closure(d("2026-04-26")) != nil)
        #expect(schedule.slots(on: d("2026-04-28"), kind: .guidance, existing: []).count == 32)
    }

    @Test func theMakeUpSaturdayOfJanuary2026IsOpenWithWorkdayHoursAndTheSwappedFridayIsClosed() {
        let saturday = d("2026-01-10")
        #expect(saturday.isoWeekday == 6)
        #expect(schedule.isMakeUpDay(saturday))
        #expect(schedule.slots(on: saturday, kind: .guidance, existing: []).count == 32)
        #expect(schedule.slots(on: d("2026-01-02"), kind: .guidance, existing: []).isEmpty)
        #expect(schedule.slots(on: d("2026-01-17"), kind: .guidance, existing: []).isEmpty)
        #expect(schedule.closure(d("2026-01-17"))?.reason.vi.contains("Thứ Bảy") == true)
    }

    @Test func aHomeDeliveryStartsAfterTheTravelThereAndEndsWithTheTravelBackBeforeClosing() {
        let slots = schedule.slots(on: d("2026-12-01"), kind: .home, existing: [])
        #expect(slots.map(\.timeText) == ["07:20", "07:50", "08:20", "08:50", "09:20", "09:50", "10:20",
                                          "13:50", "14:20", "14:50", "15:20", "15:50"])
    }

    @Test func aClerkAwayOnAHomeVisitTakesOnePlaceForTheVisitAndBothTravels() {
        // Home visit at 08:20: the clerk is away 08:00–09:10.
        let home = appt("2026-12-01", "08:20", .home, id: 1)
        let slots = schedule.slots(on: d("2026-12-01"), kind: .guidance, existing: [home])
        func free(_ t: String) -> Int? { slots.first { $0.timeText == t }?.free }
        #expect(free("07:45") == 2)
        #expect(free("08:00") == 1)
        #expect(free("08:45") == 1)
        #expect(free("09:00") == 1)
        #expect(free("09:15") == 2)
    }

    @Test func capacityCountsPlacesHeldNotCancelledOrMissedOnes() {
        let two = [appt("2026-12-01", "08:00", id: 1), appt("2026-12-01", "08:00", id: 2)]
        #expect(schedule.free(from: 480, until: 495, two) == 0)
        #expect(schedule.free(from: 480, until: 495, two, excluding: 2) == 1)
        let freed = [appt("2026-12-01", "08:00", id: 1), appt("2026-12-01", "08:00", id: 2, status: .cancelled),
                     appt("2026-12-01", "08:00", id: 3, status: .noShow)]
        #expect(schedule.free(from: 480, until: 495, freed) == 1)
    }

    @Test func aSubmissionOfSeveralProceduresTakesOneLengthEach() {
        #expect(schedule.minutes(kind: .submission, procedures: 1) == 20)
        #expect(schedule.minutes(kind: .submission, procedures: 3) == 60)
        let slots = schedule.slots(on: d("2026-12-01"), kind: .submission, procedures: 3, existing: [])
        #expect(slots.last { $0.startMinute < 700 }?.timeText == "10:20")
    }

    @Test func nextFreeSkipsFullSlotsAndClosedDays() {
        // Friday 13/02/2026 afternoon full from 16:40; next free is after Tết, Monday 23/02.
        let from = LocalDateTime(date: d("2026-02-13"), hour: 16, minute: 40)
        let full = [appt("2026-02-13", "16:40", id: 1), appt("2026-02-13", "16:40", id: 2)]
        let next = schedule.nextFree(kind: .guidance, from: from, maxDays: 30) { $0 == d("2026-02-13") ? full : [] }
        #expect(next?.day == d("2026-02-23"))
        #expect(next?.timeText == "07:00")
        #expect(next?.spoken == "07:00 Thứ Hai 23/02/2026")
    }

    @Test func openingHoursParseAndRefuseWithTheFieldNamed() throws {
        let h = try OpeningHours.parse("mon-fri=07:30-11:30,13:30-16:30; sat=07:30-11:00")
        #expect(h.spans(isoWeekday: 1) == [OpenSpan(start: 450, end: 690), OpenSpan(start: 810, end: 990)])
        #expect(h.spans(isoWeekday: 6) == [OpenSpan(start: 450, end: 660)])
        #expect(h.spans(isoWeekday: 7).isEmpty)
        #expect(h.summary.first == "Thứ Hai–Thứ Sáu: 07:30-11:30, 13:30-16:30")
        for bad in ["mon=07:00", "xyz=07:00-08:00", "mon=11:00-07:00", "mon=07:00-10:00,09:00-11:00", "mon 07:00-08:00"] {
            let e = #expect(throws: FieldError.self) { _ = try OpeningHours.parse(bad) }
            #expect(e?.field == "hours", "\(bad)")
        }
    }

    @Test func aSaturdayWithItsOwnHoursIsOpenUnlessItIsAHoliday() throws {
        var s = AppointmentSettings()
        s.hours = try OpeningHours.parse("sat=07:00-11:00")
        let sch = AppointmentSchedule(settings: s, counters: 1, calendar: WorkingCalendar())
        #expect(sch.slots(on: d("2026-12-05"), kind: .guidance, existing: []).count == 16)
        // 02/05/2026 is a Saturday after 1/5: an ordinary Saturday, open; 25/04/2026 too.
        #expect(!sch.openSpans(d("2026-04-25")).isEmpty)
    }
}

/// Bookings that no longer fit after the desk's rules changed are found, the later ones first.
@Suite struct AppointmentMisfitTests {
    func booking(_ id: Int64, _ day: String, _ minute: Int, bookedAt seconds: Double) -> Appointment {
        Appointment(id: id, day: LocalDate(iso: day)!, startMinute: minute, minutes: 15, kind: .guidance,
                    applicantName: "P\(id)", bookedAt: Date(timeIntervalSince1970: seconds))
    }

    @Test func fewerPlacesLeaveTheLaterBookingOver() {
        var s = AppointmentSettings(); s.seats = 1
        let schedule = AppointmentSchedule(settings: s, counters: 2, calendar: WorkingCalendar())
        let list = [booking(1, "2026-12-01", 540, bookedAt: 10), booking(2, "2026-12-01", 540, bookedAt: 20),
                    booking(3, "2026-12-01", 555, bookedAt: 30)]
        let misfits = schedule.misfits(list)
        #expect(misfits.map(\.appointment.id) == [2])
        #expect(misfits.first?.message.vi.contains("2 người hẹn mà chỉ còn 1 chỗ") == true)
    }

    @Test func shorterHoursAndAClosedDayAreSaid() throws {
        var s = AppointmentSettings(); s.hours = try OpeningHours.parse("mon-fri=07:30-11:00,13:30-16:00")
        let schedule = AppointmentSchedule(settings: s, counters: 2, calendar: WorkingCalendar())
        #expect(schedule.misfits([booking(1, "2026-12-01", 7 * 60, bookedAt: 0)]).first?.reason == .outsideHours)
        let tet = schedule.misfits([booking(2, "2026-02-17", 9 * 60, bookedAt: 0)])
        if case .closedDay(let why)? = tet.first?.reason { #expect(why.vi.contains("Tết")) } else { Issue.record("not closed") }
    }
}

@Suite struct AppointmentMisfitCountTests {
    @Test func theCountIsTheBusiestMinuteNotEveryOverlap() {
        var s = AppointmentSettings(); s.seats = 1
        let schedule = AppointmentSchedule(settings: s, counters: 2, calendar: WorkingCalendar())
        let day = LocalDate(iso: "2026-12-02")!
        func a(_ id: Int64, _ start: Int, _ minutes: Int, _ at: Double) -> Appointment {
            Appointment(id: id, day: day, startMinute: start, minutes: minutes, kind: .guidance, applicantName: "P\(id)",
                        bookedAt: Date(timeIntervalSince1970: at))
        }
        // 08:00–08:20, 08:00–08:15, 08:15–08:30: at most two at once.
        let misfits = schedule.misfits([a(1, 480, 20, 1), a(2, 480, 15, 2), a(3, 495, 15, 3)])
        #expect(misfits.map(\.appointment.id) == [2, 3])
        #expect(misfits.allSatisfy { $0.message.vi.contains("có 2 người hẹn mà chỉ còn 1 chỗ") })
    }
}
