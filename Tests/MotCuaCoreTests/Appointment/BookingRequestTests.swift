import Foundation
import Testing
@testable import MotCuaCore

/// Booking refusals name the field and, for the time, the next free slot; nothing else passes.
@Suite struct BookingRequestTests {
    let schedule = AppointmentSchedule(settings: AppointmentSettings(), counters: 2, calendar: WorkingCalendar())
    let now = VietnamTime.instant(LocalDateTime(date: LocalDate(iso: "2026-11-30")!, hour: 8, minute: 0))

    func at(_ iso: String, _ hhmm: String) -> LocalDateTime {
        let m = TimeOfDay.parse(hhmm)!
        return LocalDateTime(date: LocalDate(iso: iso)!, hour: m / 60, minute: m % 60)
    }
    func procedure(_ code: String) -> Procedure? {
        ProcedureCatalog.builtIn.procedures.first { $0.code == code }
    }
    func request(_ when: LocalDateTime, kind: AppointmentKind = .guidance, phone: String? = "0912345678",
                 procedures: [String] = [], dossier: String? = nil, address: String? = nil) -> BookingRequest {
        BookingRequest(name: "nguyễn văn an", phone: phone, at: when, kind: kind, procedureCodes: procedures,
                       dossierCode: dossier, address: address)
    }
    func check(_ r: BookingRequest, existing: [Appointment] = [], dossiers: [Dossier] = []) throws -> BookingCheck {
        try r.check(schedule: schedule, now: now, existingOn: { day in existing.filter { $0.day == day } },
                    procedure: procedure, dossier: { code in dossiers.first { $0.code == code } })
    }
    func refusal(_ r: BookingRequest, existing: [Appointment] = []) -> FieldError? {
        #expect(throws: FieldError.self) { _ = try check(r, existing: existing) }
    }

    @Test func aGoodBookingIsNormalised() throws {
        let c = try check(request(at("2026-12-01", "08:40"), kind: .submission, procedures: ["ht-ks"]))
        #expect(!c.isFull)
        #expect(c.appointment.applicantName == "Nguyễn Văn An")
        #expect(c.appointment.procedureCodes == ["HT-KS"])
        #expect(c.appointment.minutes == 20)
        #expect(c.appointment.timeRange == "08:40–09:00")
    }

    @Test func eachBadTimeIsNamedWithTheNextFreeSlot() {
        let cases: [(LocalDateTime, String)] = [
            (at("2026-12-01", "12:00"), "nghỉ trưa"),
            (at("2026-12-06", "08:00"), "Chủ nhật"),
            (at("2026-12-01", "18:00"), "ngoài giờ"),
            (at("2026-11-27", "08:00"), "đã qua"),
            (at("2026-11-30", "08:30"), "ít nhất 60 phút"),
            (at("2027-02-01", "08:00"), "tối đa 30 ngày"),
            (at("2026-12-01", "08:10"), "khung 15 phút"),
            (at("2026-12-01", "11:20"), "không vừa"),
        ]
        for (when, words) in cases {
            let e = refusal(request(when))
            #expect(e?.field == "at", "\(when)")
            #expect(e?.problem.vi.contains(words) == true, "\(when): \(e?.problem.vi ?? "-")")
            #expect(e?.problem.vi.contains("giờ trống gần nhất") == true, "\(when): \(e?.problem.vi ?? "-")")
        }
        // Past and too soon name the first time after the notice: 09:00 today.
        #expect(refusal(request(at("2026-11-30", "08:30")))?.problem.vi.contains("09:00 Thứ Hai 30/11/2026") == true)
    }

    @Test func tetAndGioToAreRefusedByName() {
        let tetNow = VietnamTime.instant(LocalDateTime(date: LocalDate(iso: "2026-02-05")!, hour: 8, minute: 0))
        let r = request(at("2026-02-17", "08:00"))
        let e = #expect(throws: FieldError.self) {
            _ = try r.check(schedule: schedule, now: tetNow, existingOn: { _ in [] }, procedure: procedure, dossier: { _ in nil })
        }
        #expect(e?.problem.vi.contains("Tết") == true)
        #expect(e?.problem.vi.contains("23/02/2026") == true)
        let aprilNow = VietnamTime.instant(LocalDateTime(date: LocalDate(iso: "2026-04-20")!, hour: 8, minute: 0))
        let g = #expect(throws: FieldError.self) {
            _ = try request(at("2026-04-27", "08:00")).check(schedule: schedule, now: aprilNow, existingOn: { _ in [] },
                                                              procedure: procedure, dossier: { _ in nil })
        }
        #expect(g?.problem.vi.contains("27/04/2026 không nhận hẹn") == true)
        #expect(g?.problem.vi.contains("28/04/2026") == true)
    }

    @Test func aFullSlotIsReportedWithTheNextFreeOneNotThrown() throws {
        let taken = (1...2).map { i in
            Appointment(id: Int64(i), day: LocalDate(iso: "2026-12-01")!, startMinute: 510, minutes: 15, kind: .guidance,
                        applicantName: "X\(i)", phone: "09000000\(10 + i)", bookedAt: now)
        }
        let c = try check(request(at("2026-12-01", "08:30")), existing: taken)
        #expect(c.isFull)
        #expect(c.fullError?.problem.vi.contains("đã kín (2/2 chỗ)") == true)
        #expect(c.fullError?.problem.vi.contains("08:15 Thứ Ba 01/12/2026") == true)
    }

    @Test func onePersonOneBookingADayByIDOrPhone() {
        let mine = Appointment(id: 7, day: LocalDate(iso: "2026-12-01")!, startMinute: 420, minutes: 15, kind: .guidance,
                               applicantName: "Nguyễn Văn An", phone: "0912345678", bookedAt: now)
        let e = refusal(request(at("2026-12-01", "09:00")), existing: [mine])
        #expect(e?.field == "phone")
        #expect(e?.problem.vi.contains("#7 07:00") == true)
        // A cancelled booking does not count.
        var cancelled = mine; cancelled.status = .cancelled
        #expect(throws: Never.self) { _ = try check(request(at("2026-12-01", "09:00")), existing: [cancelled]) }
    }

    @Test func homeDeliveryNeedsAnOpenDossierAndAnAddress() throws {
        let e1 = refusal(request(at("2026-12-01", "08:20"), kind: .home))
        #expect(e1?.field == "dossier")
        let e2 = refusal(request(at("2026-12-01", "08:20"), kind: .home, dossier: "MC-X"))
        #expect(e2?.field == "dossier")
        #expect(e2?.problem.vi.contains("không có hồ sơ") == true)
        let ready = Dossier(code: "MC-261120-001", procedureCode: "BTXH-TCHT", applicantName: "Nguyễn Văn An", channel: .direct,
                            delivery: .home, receivedAt: now, dueDate: LocalDate(iso: "2026-12-10")!, status: .ready)
        let noAddress = #expect(throws: FieldError.self) {
            _ = try check(request(at("2026-12-01", "08:20"), kind: .home, dossier: "mc-261120-001"), dossiers: [ready])
        }
        #expect(noAddress?.field == "address")
        var withAddress = ready; withAddress.deliveryAddress = "Thôn 3, xã Tân Phú"
        let ok = try check(request(at("2026-12-01", "08:20"), kind: .home, dossier: "MC-261120-001"), dossiers: [withAddress])
        #expect(ok.appointment.address == "Thôn 3, xã Tân Phú")
        #expect(ok.appointment.busyFrom == 480 && ok.appointment.busyUntil == 550)
        var closed = withAddress; closed.status = .returned
        let e3 = #expect(throws: FieldError.self) {
            _ = try check(request(at("2026-12-01", "08:20"), kind: .home, dossier: "MC-261120-001"), dossiers: [closed])
        }
        #expect(e3?.problem.vi.contains("đã kết thúc") == true)
    }

    @Test func aSubmissionNeedsAProcedureInForce() {
        #expect(refusal(request(at("2026-12-01", "08:20"), kind: .submission))?.field == "procedure")
        #expect(refusal(request(at("2026-12-01", "08:20"), kind: .submission, procedures: ["NOPE"]))?.field == "procedure")
        #expect(refusal(request(at("2026-12-01", "08:20"), kind: .submission, procedures: ["HT-KS", "HT-KS", "HT-KH", "HT-XNHN", "HT-KT"]))?.field == "procedure")
    }

    @Test func timesAreReadAsClerksWriteThem() throws {
        let today = LocalDate(iso: "2026-11-30")!
        #expect(try BookingRequest.parseTime("2026-12-01 08:30", today: today) == at("2026-12-01", "08:30"))
        #expect(try BookingRequest.parseTime("01/12/2026 8:30", today: today) == at("2026-12-01", "08:30"))
        #expect(try BookingRequest.parseTime("5/1 14h", today: today) == at("2027-01-05", "14:00"))
        for bad in ["tomorrow", "2026-13-01 08:00", "01/12/2026 25:00", "2026-12-01", "08:30"] {
            let e = #expect(throws: FieldError.self) { _ = try BookingRequest.parseTime(bad, today: today) }
            #expect(e?.field == "at", "\(bad)")
        }
    }
}
