import Foundation
import GRDB
import MotCuaCore

/// A booking's outcome: a place, or (when full and the clerk asked for it) the waitlist.
public enum BookingResult: Sendable, Hashable {
    case booked(Appointment)
    case waitlisted(WaitlistEntry)
}

/// A step on an appointment: the appointment after it, the ticket a check-in issued, the
/// waitlist entry a cancel offered the place to, and what the desk must tell the clerk.
public struct AppointmentActionResult: Sendable, Hashable {
    public let appointment: Appointment
    public let ticket: Ticket?
    public let offer: WaitlistEntry?
    public let message: Localized?
}

/// Someone taken off the waitlist, and who the place held for them went to.
public struct WaitlistRemoval: Sendable, Hashable {
    public let entry: WaitlistEntry
    public let offer: WaitlistEntry?
    public let message: Localized?
}

/// Appointment writes: one transaction per clerk action, with its audit events, every rule
/// decided in MotCuaCore (`BookingRequest`, `AppointmentSchedule`, `AppointmentRules`). The
/// capacity check and the insert share one `BEGIN IMMEDIATE` transaction, so two desks booking
/// the last place at the same moment cannot both get it.
extension AppDatabase {
    public func bookAppointment(_ request: BookingRequest, waitlistIfFull: Bool = false, now: Date, actor: Actor,
                                calendar: WorkingCalendar) throws -> BookingResult {
        try write { db in
            let profile = try Self.profile(db)
            try Self.checkCounter(actor, profile)
            let schedule = AppointmentSchedule(settings: profile.appointments, counters: profile.counters, calendar: calendar)
            let request = try Self.withApplicantPhone(request, db)
            let person = Self.person(request)
            let checked = try request.check(schedule: schedule, now: now,
                                            existingOn: { try Self.placesTaken(day: $0, profile: profile, notFor: person, db) },
                                            procedure: { try Self.procedure(code: $0, on: request.at.date, db) },
                                            dossier: { try DossierRow.fetch(code: $0, db) })
            var a = checked.appointment
            var log = ActionBatch(db, at: now, actor: actor)
            if let full = checked.fullError {
                guard waitlistIfFull else { throw try Self.sayingHolds(full, for: a, profile: profile, person: person, db) }
                var w = try WaitlistEntry.from(a, now: now)
                if let same = try Row.fetchAll(db, sql: "SELECT * FROM waitlist WHERE day = ? AND status != 'closed'", arguments: [a.day.iso])
                    .map(WaitlistRow.decode).first(where: { $0.isFor(idNumber: a.idNumber, phone: a.phone) }) {
                    throw FieldError(field: a.idNumber != nil ? "id_number" : "phone",
                                     label: a.idNumber != nil ? Localized(vi: "Số CCCD", en: "ID number") : Localized(vi: "Số điện thoại", en: "Phone"),
                                     problem: Localized(vi: "người này đã có trong danh sách chờ ngày \(a.day.vietnamese) (\(same.reference))",
                                                        en: "this person is already on the waitlist for \(a.day.iso) (\(same.reference))"))
                }
                w.id = try WaitlistRow.insert(w, db)
                var data = EventData(to: w.status.rawValue)
                data.applicant = w.applicantName; data.at = a.start.description; data.kind = a.kind.rawValue
                try log.record(entity: "waitlist", key: "\(w.id ?? 0)", action: "add", data: data)
                return .waitlisted(w)
            }
            if let code = a.dossierCode, let other = try Row.fetchOne(db, sql: """
                SELECT id, day, start_minute FROM appointments WHERE dossier_code = ? AND status = 'booked'
                """, arguments: [code]) {
                throw FieldError(field: "dossier", label: Localized(vi: "Hồ sơ", en: "Dossier"),
                                 problem: Localized(vi: "hồ sơ \(code) đã có hẹn trả tại nhà #\(other["id"] as Int64) lúc \(TimeOfDay.hhmm(other["start_minute"])) ngày \(LocalDate(iso: other["day"])?.vietnamese ?? "?"); dời hẹn đó thay vì đặt thêm",
                                                    en: "dossier \(code) already has home delivery #\(other["id"] as Int64); reschedule it instead"))
            }
            a.id = try AppointmentRow.insert(a, db)
            // The waitlist closes first: the booking stays the batch's main event (what undo names).
            try closeWaitlist(for: a, now: now, profile: profile, log: &log, db)
            var data = EventData(to: a.status.rawValue)
            data.applicant = a.applicantName; data.at = a.start.description; data.kind = a.kind.rawValue
            data.procedure = a.procedureCodes.first
            try log.record(entity: "appointment", key: "\(a.id ?? 0)", action: "book", data: data)
            return .booked(a)
        }
    }

    /// Every check a booking gets, without writing: the desk asks "waitlist?" for a full slot
    /// before booking (the booking checks again in its own transaction).
    public func checkBooking(_ request: BookingRequest, now: Date, calendar: WorkingCalendar) throws -> BookingCheck {
        try read { db in
            let profile = try Self.profile(db)
            let schedule = AppointmentSchedule(settings: profile.appointments, counters: profile.counters, calendar: calendar)
            let person = Self.person(request)
            return try request.check(schedule: schedule, now: now,
                                     existingOn: { try Self.placesTaken(day: $0, profile: profile, notFor: person, db) },
                                     procedure: { try Self.procedure(code: $0, on: request.at.date, db) },
                                     dossier: { try DossierRow.fetch(code: $0, db) })
        }
    }

    /// A person booked into a place is no longer waiting for one that day; a place held for
    /// them elsewhere that day goes to the next person waiting.
    private func closeWaitlist(for a: Appointment, now: Date, profile: DeskProfile, log: inout ActionBatch, _ db: Database) throws {
        let open = try Row.fetchAll(db, sql: "SELECT * FROM waitlist WHERE day = ? AND status != 'closed'",
                                    arguments: [a.day.iso]).map(WaitlistRow.decode)
        for var w in open where a.isSamePerson(idNumber: w.idNumber, phone: w.phone) {
            let before = w
            w.status = .closed; w.outcome = .booked
            try WaitlistRow.update(w, db)
            if let held = before.hold(settings: profile.appointments), held.startMinute != a.startMinute {
                _ = try Self.offerFreedPlace(held, freedBy: before.freedBy, now: now, profile: profile, log: &log, db)
            }
            var data = EventData(from: before.status.rawValue, to: w.status.rawValue)
            data.waitlistBefore = before; data.appointment = a.id
            try log.record(entity: "waitlist", key: "\(w.id ?? 0)", action: "close", data: data)
        }
    }

    public func actOnAppointment(_ request: AppointmentActionRequest, now: Date, actor: Actor,
                                 calendar: WorkingCalendar) throws -> AppointmentActionResult {
        try write { db in
            let profile = try Self.profile(db)
            try Self.checkCounter(actor, profile)
            let today = VietnamTime.local(now).date
            guard let before = try AppointmentRow.fetch(id: request.id, db) else {
                throw FieldError(field: "appointment", label: Localized(vi: "Lịch hẹn", en: "Appointment"),
                                 problem: Localized(vi: "không có lịch hẹn #\(request.id)", en: "no appointment #\(request.id)"))
            }
            try AppointmentRules.precheck(request.kind, before, today: today)
            var a = before
            var ticket: Ticket?
            var offer: WaitlistEntry?
            var message: Localized?
            var log = ActionBatch(db, at: now, actor: actor)
            var data = EventData(from: before.status.rawValue)
            data.appointmentBefore = before
            switch request.kind {
            case .checkIn:
                let decision = AppointmentRules.checkIn(a, now: now, settings: profile.appointments)
                let series: Ticket.Series = decision.asWalkIn ? .ordinary : .appointment
                let last = try Int.fetchOne(db, sql: "SELECT MAX(number) FROM tickets WHERE day = ? AND series = ?",
                                            arguments: [today.iso, series.rawValue]) ?? 0
                var t = Ticket(day: today, series: series, number: last + 1, applicantName: a.applicantName, phone: a.phone,
                               idNumber: a.idNumber, procedureCode: a.procedureCodes.first, issuedAt: now,
                               appointmentAt: decision.asWalkIn ? nil : a.startsAt, appointmentId: a.id)
                t.id = try TicketRow.insert(t, db)
                a.status = .checkedIn; a.checkedInAt = now; a.ticketCode = t.code
                var reg = EventData(to: Ticket.Status.waiting.rawValue)
                reg.applicant = t.applicantName; reg.procedure = t.procedureCode; reg.appointment = a.id
                try log.record(entity: "ticket", key: t.eventKey, action: "register", data: reg)
                data.ticket = t.code
                ticket = t
                message = decision.message
            case .reschedule:
                guard let at = request.newTime else {
                    throw FieldError(field: "at", label: Localized(vi: "Giờ hẹn", en: "Time"),
                                     problem: Localized(vi: "cần giờ hẹn mới", en: "the new time is required"))
                }
                let schedule = AppointmentSchedule(settings: profile.appointments, counters: profile.counters, calendar: calendar)
                let req = BookingRequest(name: a.applicantName, phone: a.phone, idNumber: a.idNumber, at: at, kind: a.kind,
                                         procedureCodes: a.procedureCodes, dossierCode: a.dossierCode, address: a.address, note: a.note)
                let person = (id: a.idNumber, phone: a.phone)
                let checked = try req.check(schedule: schedule, now: now, excluding: a.id,
                                            existingOn: { try Self.placesTaken(day: $0, profile: profile, notFor: person, db) },
                                            procedure: { try Self.procedure(code: $0, on: req.at.date, db) },
                                            dossier: { try DossierRow.fetch(code: $0, db) })
                if let full = checked.fullError { throw full }
                if checked.appointment.day == a.day && checked.appointment.startMinute == a.startMinute {
                    throw FieldError(field: "at", label: Localized(vi: "Giờ hẹn", en: "Time"),
                                     problem: Localized(vi: "lịch hẹn đã ở \(at.hhmm) ngày \(at.date.vietnamese)", en: "the appointment is already at \(at.description)"))
                }
                a.day = checked.appointment.day; a.startMinute = checked.appointment.startMinute
                a.minutes = checked.appointment.minutes; a.rescheduleCount += 1
                // The travel in force now, as the check counted it.
                a.travelBefore = checked.appointment.travelBefore; a.travelAfter = checked.appointment.travelAfter
                data.before = ["at": before.start.description]; data.after = ["at": a.start.description]
                data.at = a.start.description
                // Written first, so the offer counts the place where it is now.
                try AppointmentRow.update(a, db)
                (offer, message) = try Self.offerFreedPlace(before, now: now, profile: profile, log: &log, db)
            case .cancel:
                let reason = try AppointmentRules.cancelReason(request.reason)
                a.status = .cancelled; a.finishedAt = now; a.cancelReason = reason
                data.reason = reason
                try AppointmentRow.update(a, db)
                (offer, message) = try Self.offerFreedPlace(a, now: now, profile: profile, log: &log, db)
            case .noShow:
                try AppointmentRules.checkNoShow(a, now: now, settings: profile.appointments)
                a.status = .noShow; a.finishedAt = now
            case .serve:
                a.status = .served; a.finishedAt = now
            }
            try AppointmentRow.update(a, db)
            data.to = a.status.rawValue
            try log.record(entity: "appointment", key: "\(a.id ?? 0)", action: request.kind.rawValue, data: data)
            return AppointmentActionResult(appointment: a, ticket: ticket, offer: offer, message: message)
        }
    }

    /// The first waiting person of the day and kind is offered a place freed at `freed`'s time
    /// (a cancel, a reschedule, a waitlist offer given up); the place is held for them. The
    /// offer is recorded before the step that freed it, which stays the batch's main event.
    static func offerFreedPlace(_ freed: Appointment, freedBy: Int64? = nil, now: Date, profile: DeskProfile, log: inout ActionBatch,
                                _ db: Database) throws -> (WaitlistEntry?, Localized?) {
        // A place too soon to book (inside the minimum notice) is not offered: nobody could take it.
        let earliest = now.addingTimeInterval(TimeInterval(profile.appointments.minNoticeMinutes * 60))
        guard freed.startsAt >= earliest else { return (nil, nil) }
        var waiting = try Row.fetchAll(db, sql: "SELECT * FROM waitlist WHERE day = ? AND status = 'waiting'",
                                       arguments: [freed.day.iso]).map(WaitlistRow.decode)
        // The calendar does not matter here: only places are counted.
        let schedule = AppointmentSchedule(settings: profile.appointments, counters: profile.counters, calendar: WorkingCalendar())
        while let candidate = WaitlistEntry.offer(for: freed, in: waiting) {
            waiting.removeAll { $0.id == candidate.id }
            var w = candidate
            w.status = .offered; w.offeredAt = now; w.offeredMinute = freed.startMinute; w.freedBy = freed.id ?? freedBy
            // Their visit must fit where the place was freed (a longer submission may not).
            guard let hold = w.hold(settings: profile.appointments),
                  schedule.free(from: hold.busyFrom, until: hold.busyUntil,
                                try placesTaken(day: freed.day, profile: profile, notFor: (nil, nil), db)) > 0 else { continue }
            try WaitlistRow.update(w, db)
            var data = EventData(from: candidate.status.rawValue, to: w.status.rawValue)
            data.waitlistBefore = candidate; data.appointment = freed.id
            try log.record(entity: "waitlist", key: "\(w.id ?? 0)", action: "offer", data: data)
            let time = TimeOfDay.hhmm(freed.startMinute)
            return (w, Localized(vi: "Chỗ \(time) ngày \(freed.day.vietnamese) vừa trống, giữ cho \(w.applicantName) trong danh sách chờ: gọi \(w.phone)",
                                 en: "The place at \(time) on \(freed.day.iso) is free and held for \(w.applicantName) from the waitlist: phone \(w.phone)"))
        }
        return (nil, nil)
    }

    /// A full time where a place is held for someone on the waitlist says for whom: `free` shows
    /// fewer bookings than places, and the clerk must know why the place cannot be given.
    static func sayingHolds(_ full: FieldError, for a: Appointment, profile: DeskProfile,
                            person: (id: String?, phone: String?), _ db: Database) throws -> FieldError {
        let holds = try Row.fetchAll(db, sql: "SELECT * FROM waitlist WHERE day = ? AND status = 'offered'", arguments: [a.day.iso])
            .map(WaitlistRow.decode)
            .filter { w in
                !w.isFor(idNumber: person.id, phone: person.phone)
                    && (w.hold(settings: profile.appointments).map { $0.busyFrom < a.busyUntil && a.busyFrom < $0.busyUntil } ?? false)
            }
        guard !holds.isEmpty else { return full }
        let who = holds.map { "\($0.reference) \($0.applicantName)" }.joined(separator: ", ")
        return FieldError(field: full.field, label: full.label, problem: Localized(
            vi: full.problem.vi + " — chỗ trống đang giữ cho người trong danh sách chờ: \(who) (đặt hẹn cho họ, hoặc motcua appointment waitlist-remove)",
            en: full.problem.en + " — a free place is held for the waitlist: \(who) (book them, or motcua appointment waitlist-remove)"))
    }

    /// The places taken on `day`: its appointments, and the places held for waitlist offers
    /// except the one held for `person` (who is being booked into it).
    static func placesTaken(day: LocalDate, profile: DeskProfile, notFor person: (id: String?, phone: String?),
                            _ db: Database) throws -> [Appointment] {
        let holds = try Row.fetchAll(db, sql: "SELECT * FROM waitlist WHERE day = ? AND status = 'offered'", arguments: [day.iso])
            .map(WaitlistRow.decode)
            .filter { !$0.isFor(idNumber: person.id, phone: person.phone) }
            .compactMap { $0.hold(settings: profile.appointments) }
        return try AppointmentRow.fetch(day: day, db) + holds
    }

    /// A home delivery booked without a phone or an address takes the applicant's on file (the
    /// dossier's delivery address comes first, in `BookingRequest`): the clerk must be able to
    /// call before going out, and to find the house.
    static func withApplicantPhone(_ request: BookingRequest, _ db: Database) throws -> BookingRequest {
        guard request.kind == .home, let code = TextInput.nonBlank(request.dossierCode),
              let row = try Row.fetchOne(db, sql: """
                  SELECT a.phone, a.address, d.delivery_address FROM dossiers d JOIN applicants a ON a.id = d.applicant_id WHERE d.code = ?
                  """, arguments: [code.trimmingCharacters(in: .whitespaces).uppercased()]) else { return request }
        var r = request
        if TextInput.nonBlank(r.phone) == nil { r.phone = row["phone"] }
        if TextInput.nonBlank(r.address) == nil, (row["delivery_address"] as String?) == nil { r.address = row["address"] }
        return r
    }

    /// The request's person as stored (digits only), to recognise their own waitlist hold.
    static func person(_ r: BookingRequest) -> (id: String?, phone: String?) {
        (r.idNumber.flatMap { try? CitizenID.parse($0).digits }, r.phone.flatMap { try? PhoneNumber.parse($0).digits })
    }

    /// Takes someone off the waitlist (they booked elsewhere, gave up, or did not answer). A
    /// place held for them is offered to the next person waiting.
    public func removeFromWaitlist(_ id: Int64, reason: String?, now: Date, actor: Actor) throws -> WaitlistRemoval {
        try write { db in
            try Self.checkCounter(actor, try Self.profile(db))
            guard let before = try WaitlistRow.fetch(id: id, db) else {
                throw FieldError(field: "waitlist", label: Localized(vi: "Danh sách chờ", en: "Waitlist"),
                                 problem: Localized(vi: "không có C\(id) trong danh sách chờ", en: "no C\(id) on the waitlist"))
            }
            guard before.status != .closed else {
                throw FieldError(field: "waitlist", label: Localized(vi: "Danh sách chờ", en: "Waitlist"),
                                 problem: Localized(vi: "\(before.reference) đã ra khỏi danh sách chờ (\(before.statusLabel.vi))",
                                                    en: "\(before.reference) is already off the waitlist (\(before.statusLabel.en))"))
            }
            let reason = try TextInput.optional(reason, field: "reason", label: Localized(vi: "Lý do", en: "Reason"))
            var log = ActionBatch(db, at: now, actor: actor)
            var w = before
            w.status = .closed; w.outcome = .removed
            try WaitlistRow.update(w, db)
            var offer: WaitlistEntry?
            var message: Localized?
            let profile = try Self.profile(db)
            if let held = before.hold(settings: profile.appointments) {
                (offer, message) = try Self.offerFreedPlace(held, freedBy: before.freedBy, now: now, profile: profile, log: &log, db)
            }
            var data = EventData(from: before.status.rawValue, to: w.status.rawValue)
            data.waitlistBefore = before; data.reason = reason
            try log.record(entity: "waitlist", key: "\(id)", action: "remove", data: data)
            return WaitlistRemoval(entry: w, offer: offer, message: message)
        }
    }

    /// When a ticket issued at check-in closes (done, no-show, left), its appointment follows
    /// (`AppointmentRules.status(afterTicket:)`), in the same clerk action.
    static func syncAppointment(for ticket: Ticket, now: Date, log: inout ActionBatch, _ db: Database) throws {
        guard let id = ticket.appointmentId, let before = try AppointmentRow.fetch(id: id, db),
              let status = AppointmentRules.status(afterTicket: ticket), status != before.status,
              before.status == .checkedIn || before.status.isFinal && before.status != .cancelled else { return }
        var a = before
        a.status = status
        a.finishedAt = status.isFinal ? now : nil
        try AppointmentRow.update(a, db)
        var data = EventData(from: before.status.rawValue, to: a.status.rawValue)
        data.appointmentBefore = before; data.ticket = ticket.code
        try log.record(entity: "appointment", key: "\(id)", action: "ticket", data: data)
    }

    /// A result delivered at home closes the home appointment booked for it, in the same action.
    static func serveHomeAppointment(for dossier: String, now: Date, log: inout ActionBatch, _ db: Database) throws {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM appointments WHERE dossier_code = ? AND status = 'booked' ORDER BY day LIMIT 1",
                                         arguments: [dossier]) else { return }
        let before = try AppointmentRow.decode(row)
        var a = before
        a.status = .served; a.finishedAt = now
        try AppointmentRow.update(a, db)
        var data = EventData(from: before.status.rawValue, to: a.status.rawValue)
        data.appointmentBefore = before
        try log.record(entity: "appointment", key: "\(a.id ?? 0)", action: "serve", data: data)
    }

    public func appointments(from: LocalDate, through: LocalDate) throws -> [Appointment] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM appointments WHERE day BETWEEN ? AND ? ORDER BY day, start_minute, id",
                             arguments: [from.iso, through.iso]).map(AppointmentRow.decode)
        }
    }

    /// What holds a place on `day`: its appointments and the places kept for waitlist offers.
    public func placesTaken(day: LocalDate) throws -> [Appointment] {
        try read { db in try Self.placesTaken(day: day, profile: try Self.profile(db), notFor: (nil, nil), db) }
    }

    /// A home delivery booked for a dossier that ended another way is cancelled in the same
    /// action, its reason the dossier's end, and its place offered to the waitlist.
    @discardableResult
    static func cancelHomeAppointment(for dossier: Dossier, now: Date, log: inout ActionBatch, _ db: Database) throws -> [Appointment] {
        let rows = try Row.fetchAll(db, sql: "SELECT * FROM appointments WHERE dossier_code = ? AND status = 'booked'",
                                    arguments: [dossier.code]).map(AppointmentRow.decode)
        guard !rows.isEmpty else { return [] }
        var cancelled: [Appointment] = []
        let profile = try Self.profile(db)
        for before in rows {
            var a = before
            a.status = .cancelled; a.finishedAt = now
            try AppointmentRow.update(a, db)
            _ = try offerFreedPlace(a, now: now, profile: profile, log: &log, db)
            // Why, as data (the dossier and the status it reached), not as a sentence.
            var data = EventData(from: before.status.rawValue, to: a.status.rawValue)
            data.appointmentBefore = before
            data.extra = ["dossier": dossier.code, "dossier_status": dossier.status.rawValue]
            try log.record(entity: "appointment", key: "\(a.id ?? 0)", action: "cancel", data: data)
            cancelled.append(a)
        }
        return cancelled
    }

    /// Booked appointments from `today` on that no longer fit the desk's rules (after a change
    /// of places or hours, or a day off announced later). Reads from today on, never the past.
    public func appointmentMisfits(from today: LocalDate, calendar: WorkingCalendar) throws -> [AppointmentMisfit] {
        try read { db in
            let profile = try Self.profile(db)
            let schedule = AppointmentSchedule(settings: profile.appointments, counters: profile.counters, calendar: calendar)
            let days = try String.fetchAll(db, sql: "SELECT DISTINCT day FROM appointments WHERE day >= ? AND status = 'booked' ORDER BY day",
                                           arguments: [today.iso]).compactMap { LocalDate(iso: $0) }
            return try days.flatMap { schedule.misfits(try AppointmentRow.fetch(day: $0, db)) }
        }
    }

    public func appointment(id: Int64) throws -> Appointment? {
        try read { db in try AppointmentRow.fetch(id: id, db) }
    }

    /// The waitlist of one day (every status), in the order people asked.
    public func waitlist(day: LocalDate) throws -> [WaitlistEntry] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM waitlist WHERE day = ? ORDER BY created_at, id", arguments: [day.iso]).map(WaitlistRow.decode)
        }
    }

    /// Places offered and not yet taken, for days from `day` on: the desk is to phone them.
    public func waitlistOffers(from day: LocalDate) throws -> [WaitlistEntry] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM waitlist WHERE day >= ? AND status = 'offered' ORDER BY day, offered_minute, id",
                             arguments: [day.iso]).map(WaitlistRow.decode)
        }
    }
}
