import Foundation

/// What the clerk enters to book an appointment, before validation.
public struct BookingRequest: Sendable, Hashable {
    public var name: String
    public var phone: String?
    public var idNumber: String?
    public var at: LocalDateTime
    public var kind: AppointmentKind
    public var procedureCodes: [String]
    public var dossierCode: String?
    public var address: String?
    public var note: String?

    public init(name: String, phone: String? = nil, idNumber: String? = nil, at: LocalDateTime, kind: AppointmentKind,
                procedureCodes: [String] = [], dossierCode: String? = nil, address: String? = nil, note: String? = nil) {
        self.name = name; self.phone = phone; self.idNumber = idNumber; self.at = at; self.kind = kind
        self.procedureCodes = procedureCodes; self.dossierCode = dossierCode; self.address = address; self.note = note
    }

    static let atLabel = Localized(vi: "Giờ hẹn", en: "Time")

    /// `2026-12-01 08:30`, `01/12/2026 08:30`, `1/12 8:30` (this year, or next when already past).
    public static func parseTime(_ raw: String, today: LocalDate) throws -> LocalDateTime {
        let parts = raw.trimmingCharacters(in: .whitespaces).split(whereSeparator: { $0 == " " || $0 == "T" }).map(String.init)
        if parts.count == 2, let day = DateInput.parse(parts[0], today: today), let minute = TimeOfDay.parse(parts[1]) {
            return LocalDateTime(date: day, hour: minute / 60, minute: minute % 60)
        }
        throw FieldError(field: "at", label: atLabel,
                         problem: Localized(vi: "'\(raw)' không hợp lệ; dạng đúng: \"2026-12-01 08:30\" hoặc \"01/12/2026 08:30\"",
                                            en: "'\(raw)' is not valid; expected \"2026-12-01 08:30\" or \"01/12/2026 08:30\""))
    }

    /// Checks everything; a full slot is not thrown but reported (the caller decides what it
    /// means: an error naming the next free slot, or the waitlist). Every error about the time
    /// names the next free slot where there is one. `existingOn` gives a day's appointments.
    public func check(schedule: AppointmentSchedule, now: Date, excluding: Int64? = nil,
                      existingOn: (LocalDate) throws -> [Appointment],
                      procedure lookup: (String) throws -> Procedure?,
                      dossier findDossier: (String) throws -> Dossier?) throws -> BookingCheck {
        let a: Appointment
        do {
            a = try validated(schedule: schedule, now: now, existing: try existingOn(at.date), excluding: excluding,
                              procedure: lookup, dossier: findDossier)
        } catch let e as FieldError where e.field == "at" {
            let next = try nextFree(schedule: schedule, now: now, excluding: excluding, existingOn: existingOn)
            throw FieldError(field: e.field, label: e.label,
                             problem: Localized(vi: e.problem.vi + Self.nextText(next, vi: true), en: e.problem.en + Self.nextText(next, vi: false)))
        }
        let free = schedule.free(from: a.busyFrom, until: a.busyUntil, try existingOn(a.day), excluding: excluding)
        guard free == 0 else { return BookingCheck(appointment: a, fullError: nil) }
        let next = try nextFree(schedule: schedule, now: now, excluding: excluding, existingOn: existingOn)
        return BookingCheck(appointment: a, fullError: Self.fullError(a, capacity: schedule.capacity, next: next))
    }

    /// The free slot of this kind nearest the time asked, among the times that can be booked
    /// now: on the day asked, before or after it (the earlier on a tie); else the first on a
    /// later day; for a day beyond the booking horizon, the last one within it.
    public func nextFree(schedule: AppointmentSchedule, now: Date, excluding: Int64? = nil,
                         existingOn: (LocalDate) throws -> [Appointment]) throws -> AppointmentSlot? {
        let s = schedule.settings
        let earliest = VietnamTime.local(now.addingTimeInterval(TimeInterval(s.minNoticeMinutes * 60)))
        let last = VietnamTime.local(now).date.adding(days: s.maxDaysAhead)
        let procedures = procedureCodes.count
        func bookable(_ day: LocalDate) throws -> [AppointmentSlot] {
            guard day >= earliest.date, day <= last, !schedule.openSpans(day).isEmpty else { return [] }
            return schedule.slots(on: day, kind: kind, procedures: procedures, existing: try existingOn(day), excluding: excluding)
                .filter { $0.free > 0 && (day != earliest.date || $0.startMinute >= earliest.minuteOfDay) }
        }
        if at.date > last {
            var day = last
            while day >= earliest.date {
                if let slot = try bookable(day).last { return slot }
                day = day.adding(days: -1)
            }
            return nil
        }
        if at >= earliest {
            let wanted = at.minuteOfDay
            if let best = try bookable(at.date).min(by: { (abs($0.startMinute - wanted), $0.startMinute) < (abs($1.startMinute - wanted), $1.startMinute) }) {
                return best
            }
        }
        let from = at < earliest ? earliest : LocalDateTime(date: at.date.adding(days: 1), hour: 0, minute: 0)
        let days = last.julianDay - from.date.julianDay
        guard days >= 0 else { return nil }
        return try schedule.nextFree(kind: kind, procedures: procedures, from: from, maxDays: days,
                                     excluding: excluding, existing: existingOn)
    }

    /// Checks everything but the free place. Returns the appointment to store.
    func validated(schedule: AppointmentSchedule, now: Date, existing: [Appointment], excluding: Int64? = nil,
                   procedure lookup: (String) throws -> Procedure?,
                   dossier findDossier: (String) throws -> Dossier?) throws -> Appointment {
        let today = VietnamTime.local(now).date
        let name = try WalkInRequest.personName(self.name)
        let phone = try self.phone.flatMap(TextInput.blankToNil).map { try PhoneNumber.parse($0).digits }
        let id = try self.idNumber.flatMap(TextInput.blankToNil).map { try CitizenID.parse($0, asOf: today).digits }
        let note = try TextInput.optional(self.note, field: "note", label: Localized(vi: "Ghi chú", en: "Note"))
        let procLabel = Localized(vi: "Thủ tục", en: "Procedure")
        let codes = self.procedureCodes.compactMap(TextInput.blankToNil)
        if codes.count > 3 {
            throw FieldError(field: "procedure", label: procLabel,
                             problem: Localized(vi: "tối đa 3 thủ tục trong một lần hẹn", en: "at most 3 procedures in one booking"))
        }
        var procedures: [String] = []
        for c in codes {
            let p = try WalkInRequest.checkProcedure(c, on: at.date, lookup).code
            if !procedures.contains(p) { procedures.append(p) }
        }
        if kind == .submission && procedures.isEmpty {
            throw FieldError(field: "procedure", label: procLabel,
                             problem: Localized(vi: "hẹn nộp hồ sơ cần ít nhất một thủ tục (--procedure MÃ)",
                                                en: "a submission needs at least one procedure (--procedure CODE)"))
        }
        var dossierCode: String?
        var address = try TextInput.optional(self.address, field: "address", label: Localized(vi: "Địa chỉ", en: "Address"))
        if kind == .home {
            let dLabel = Localized(vi: "Hồ sơ", en: "Dossier")
            guard let raw = TextInput.blankToNil(self.dossierCode) else {
                throw FieldError(field: "dossier", label: dLabel,
                                 problem: Localized(vi: "hẹn trả tại nhà cần mã hồ sơ có kết quả mang đến (--dossier MÃ)",
                                                    en: "a home delivery needs the dossier whose result is brought (--dossier CODE)"))
            }
            guard let d = try findDossier(raw.trimmingCharacters(in: .whitespaces).uppercased()) else {
                throw FieldError(field: "dossier", label: dLabel,
                                 problem: Localized(vi: "không có hồ sơ '\(raw)'", en: "no dossier '\(raw)'"))
            }
            guard !d.status.isFinal else {
                throw FieldError(field: "dossier", label: dLabel,
                                 problem: Localized(vi: "hồ sơ \(d.code) đã kết thúc (\(d.status.label.vi)); không còn kết quả để mang đến",
                                                    en: "dossier \(d.code) is closed (\(d.status.label.en)); there is no result to bring"))
            }
            // The result goes to the applicant, by a way the procedure allows.
            if VietnameseText.fold(name) != VietnameseText.fold(d.applicantName) {
                throw FieldError(field: "dossier", label: dLabel,
                                 problem: Localized(vi: "hồ sơ \(d.code) là của \(d.applicantName); hẹn trả tại nhà đặt theo tên người nộp",
                                                    en: "dossier \(d.code) is \(d.applicantName)'s; a home delivery is booked in the applicant's name"))
            }
            if let p = try lookup(d.procedureCode), !p.deliveries.contains(.home) {
                let ways = p.deliveries.map(\.label.vi).joined(separator: ", ")
                throw FieldError(field: "dossier", label: dLabel,
                                 problem: Localized(vi: "thủ tục \(p.code) của hồ sơ \(d.code) không trả kết quả tại nhà (chỉ: \(ways))",
                                                    en: "procedure \(p.code) of dossier \(d.code) does not deliver results at home"))
            }
            dossierCode = d.code
            address = address ?? d.deliveryAddress
            guard address != nil else {
                throw FieldError(field: "address", label: Localized(vi: "Địa chỉ", en: "Address"),
                                 problem: Localized(vi: "hẹn trả tại nhà cần địa chỉ nơi mang kết quả đến",
                                                    en: "a home delivery needs the address to bring the result to"))
            }
        } else if TextInput.blankToNil(self.dossierCode) != nil {
            throw FieldError(field: "dossier", label: Localized(vi: "Hồ sơ", en: "Dossier"),
                             problem: Localized(vi: "chỉ hẹn trả tại nhà mới gắn với hồ sơ", en: "only a home delivery names a dossier"))
        }
        let minutes = schedule.minutes(kind: kind, procedures: procedures.count)
        let travel = schedule.settings.travel(for: kind)
        try checkTime(schedule: schedule, now: now, minutes: minutes, travel: travel)
        let appointment = Appointment(day: at.date, startMinute: at.minuteOfDay, minutes: minutes, kind: kind,
                                      applicantName: name, phone: phone, idNumber: id, procedureCodes: procedures,
                                      dossierCode: dossierCode, address: kind == .home ? address : nil,
                                      travelBefore: travel, travelAfter: travel, note: note, bookedAt: now)
        try checkPerPerson(appointment, schedule: schedule, existing: existing, excluding: excluding)
        return appointment
    }

    /// The time itself: not past, within notice and horizon, on an open day, inside the hours,
    /// on the kind's grid. Each error names the next free slot where there is one.
    func checkTime(schedule: AppointmentSchedule, now: Date, minutes: Int, travel: Int) throws {
        let nowLocal = VietnamTime.local(now)
        let s = schedule.settings
        func refuse(_ vi: String, _ en: String) -> FieldError {
            FieldError(field: "at", label: Self.atLabel, problem: Localized(vi: vi, en: en))
        }
        if at < nowLocal {
            throw refuse("\(at.hhmm) \(at.date.vietnamese) đã qua", "\(at.hhmm) on \(at.date.iso) is in the past")
        }
        if at.date > nowLocal.date.adding(days: s.maxDaysAhead) {
            throw refuse("chỉ nhận hẹn trước tối đa \(s.maxDaysAhead) ngày (đến \(nowLocal.date.adding(days: s.maxDaysAhead).vietnamese))",
                         "bookings are taken at most \(s.maxDaysAhead) days ahead (until \(nowLocal.date.adding(days: s.maxDaysAhead).iso))")
        }
        if let closed = schedule.closure(at.date) {
            throw refuse("ngày \(at.date.vietnamese) không nhận hẹn (\(closed.reason.vi))",
                         "no appointments on \(at.date.iso) (\(closed.reason.en))")
        }
        let spans = schedule.openSpans(at.date)
        let start = at.minuteOfDay, end = start + minutes
        let hoursText = spans.map(\.text).joined(separator: ", ")
        guard let span = spans.first(where: { $0.start <= start && start < $0.end }) else {
            if let lunch = zip(spans, spans.dropFirst()).first(where: { $0.0.end <= start && start < $0.1.start }) {
                throw refuse("\(at.hhmm) là giờ nghỉ trưa (\(TimeOfDay.hhmm(lunch.0.end))–\(TimeOfDay.hhmm(lunch.1.start)))",
                             "\(at.hhmm) is in the lunch break (\(TimeOfDay.hhmm(lunch.0.end))–\(TimeOfDay.hhmm(lunch.1.start)))")
            }
            throw refuse("\(at.hhmm) ngoài giờ làm việc (\(hoursText))", "\(at.hhmm) is outside opening hours (\(hoursText))")
        }
        if start - travel < span.start || end + travel > span.end {
            let back = travel > 0 ? " (kể cả \(travel) phút đi đường mỗi chiều)" : ""
            let backEn = travel > 0 ? " (with \(travel) minutes' travel each way)" : ""
            throw refuse("hẹn \(minutes) phút từ \(at.hhmm) không vừa trước \(TimeOfDay.hhmm(span.end))\(back)",
                         "a \(minutes)-minute visit at \(at.hhmm) does not fit before \(TimeOfDay.hhmm(span.end))\(backEn)")
        }
        let step = s.minutes(for: kind)
        if (start - span.start - travel) % step != 0 {
            let starts = spans.map { TimeOfDay.hhmm($0.start + travel) }.joined(separator: " và từ ")
            throw refuse("giờ hẹn theo khung \(step) phút, bắt đầu từ \(starts) (ví dụ \(TimeOfDay.hhmm(span.start + travel)), \(TimeOfDay.hhmm(span.start + travel + step)))",
                         "times go in steps of \(step) minutes from \(spans.map { TimeOfDay.hhmm($0.start + travel) }.joined(separator: " and from "))")
        }
        let earliest = now.addingTimeInterval(TimeInterval(s.minNoticeMinutes * 60))
        if VietnamTime.instant(at) < earliest {
            throw refuse("cần đặt trước ít nhất \(s.minNoticeMinutes) phút (sớm nhất \(VietnamTime.local(earliest).hhmm))",
                         "needs at least \(s.minNoticeMinutes) minutes' notice (earliest \(VietnamTime.local(earliest).hhmm))")
        }
    }

    func checkPerPerson(_ a: Appointment, schedule: AppointmentSchedule, existing: [Appointment], excluding: Int64?) throws {
        guard a.idNumber != nil || a.phone != nil else { return }
        let same = existing.filter {
            $0.day == a.day && $0.status.holdsPlace && ($0.id == nil || $0.id != excluding)
                && $0.isSamePerson(idNumber: a.idNumber, phone: a.phone)
        }
        let cap = schedule.settings.perPersonPerDay
        if same.count >= cap {
            let field = a.idNumber != nil ? "id_number" : "phone"
            let label = a.idNumber != nil ? Localized(vi: "Số CCCD", en: "ID number") : Localized(vi: "Số điện thoại", en: "Phone")
            let held = same.map { "\($0.reference) \(TimeOfDay.hhmm($0.startMinute))" }.joined(separator: ", ")
            throw FieldError(field: field, label: label,
                             problem: Localized(vi: "người này đã có \(same.count) lịch hẹn ngày \(a.day.vietnamese) (\(held)); mỗi người tối đa \(cap) lịch một ngày",
                                                en: "this person already has \(same.count) booking(s) on \(a.day.iso) (\(held)); at most \(cap) per day"))
        }
    }

    /// The error for a full slot, naming the next free one.
    public static func fullError(_ a: Appointment, capacity: Int, next: AppointmentSlot?) -> FieldError {
        FieldError(field: "at", label: atLabel, problem: Localized(
            vi: "\(TimeOfDay.hhmm(a.startMinute)) ngày \(a.day.vietnamese) đã kín (\(capacity)/\(capacity) chỗ)" + nextText(next, vi: true),
            en: "\(TimeOfDay.hhmm(a.startMinute)) on \(a.day.iso) is full (\(capacity)/\(capacity) places)" + nextText(next, vi: false)))
    }

    public static func nextText(_ next: AppointmentSlot?, vi: Bool) -> String {
        guard let next else { return vi ? "; không còn giờ trống trong thời hạn nhận hẹn" : "; no free time within the booking horizon" }
        return vi ? "; giờ trống gần nhất: \(next.spoken)" : "; next free: \(next.timeText) \(next.day.iso)"
    }
}

/// A checked booking: what to store, and the error to give if its place is taken.
public struct BookingCheck: Sendable, Hashable {
    public let appointment: Appointment
    /// Non-nil when the slot has no free place (the error names the next free slot).
    public let fullError: FieldError?
    public var isFull: Bool { fullError != nil }
}

/// A date as the clerk types it: `2026-12-01`, `01/12/2026`, `1/12` (the next such date from today).
public enum DateInput {
    public static func parse(_ raw: String, today: LocalDate) -> LocalDate? {
        let t = raw.trimmingCharacters(in: .whitespaces)
        if let d = LocalDate(iso: t) { return d }
        let parts = t.split(separator: "/").map { Int($0) }
        guard parts.allSatisfy({ $0 != nil }) else { return nil }
        let n = parts.compactMap { $0 }
        if n.count == 3 {
            let year = n[2] < 100 ? 2000 + n[2] : n[2]
            return LocalDate(year: year, month: n[1], day: n[0])
        }
        if n.count == 2 {
            guard let d = LocalDate(year: today.year, month: n[1], day: n[0]) else { return nil }
            return d < today.adding(days: -180) ? LocalDate(year: today.year + 1, month: n[1], day: n[0]) : d
        }
        return nil
    }
}
