import Foundation
import GRDB
import MotCuaCore

/// The dossier's writes: receive, and each step after it (`DossierRules`), one transaction each.
extension AppDatabase {
    /// Receives a dossier: resolves the applicant (asking, through `ConfirmationNeeded`, when the
    /// CCCD is on file under another name or the same dossier was received today), computes the
    /// due date, gives the code, and starts serving the ticket it came from. One transaction.
    public func receiveDossier(_ request: ReceiveRequest, now: Date, actor: Actor, calendar: WorkingCalendar) throws -> Dossier {
        try write { db in
            let profile = try Self.profile(db)
            try Self.checkCounter(actor, profile)
            let day = VietnamTime.local(now).date
            let valid = try request.validated(on: day) { try Self.procedure(code: $0, on: day, db) }
            var log = ActionBatch(db, at: now, actor: actor)
            if let code = valid.ticketCode { try Self.startServing(ticket: code, day: day, actor: actor, log: &log, db) }
            let applicant = try Self.resolveApplicant(Self.checkTodaysTickets(valid, day: day, db), choice: valid.identity,
                                                      now: now, log: &log, db)
            if !valid.allowDuplicate { try Self.refuseDuplicate(applicant: applicant, procedure: valid.procedure, day: day, db) }
            let seq = (try Int.fetchOne(db, sql: "SELECT MAX(seq) FROM dossiers WHERE day = ?", arguments: [day.iso]) ?? 0) + 1
            let due = DueDateRule.dueDate(procedure: valid.procedure, receivedAt: now, calendar: calendar, profile: profile)
            var dossier = Dossier(code: Dossier.makeCode(deskCode: profile.deskCode, day: day, sequence: seq),
                                  procedureCode: valid.procedure.code, applicantId: applicant.id,
                                  applicantName: applicant.name, channel: valid.channel, delivery: valid.delivery,
                                  deliveryAddress: valid.deliveryAddress, notes: valid.notes, receivedAt: now, dueDate: due,
                                  ticketCode: valid.ticketCode, counter: actor.counter, clerk: actor.user)
            dossier.procedureSnapshot = ProcedureSnapshot(valid.procedure)
            dossier.documents = valid.documents
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]   // the same text for the same row
            let snapshot = (try? encoder.encode(dossier.procedureSnapshot)).map { String(decoding: $0, as: UTF8.self) }
            try db.execute(sql: """
                INSERT INTO dossiers (code, day, seq, procedure_code, applicant_id, applicant_name, channel, delivery,
                    delivery_address, notes, received_at, due_date, status, ticket_code, counter, clerk, search_key,
                    procedure_snapshot, documents)
                VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
                """, arguments: [dossier.code, day.iso, seq, dossier.procedureCode, applicant.id, dossier.applicantName,
                                 dossier.channel.rawValue, dossier.delivery.rawValue, dossier.deliveryAddress, dossier.notes,
                                 Timestamp.text(now), due.iso, dossier.status.rawValue, dossier.ticketCode,
                                 dossier.counter, dossier.clerk, VietnameseText.fold(dossier.applicantName), snapshot,
                                 DossierRow.documentsJSON(dossier.documents)])
            dossier.id = db.lastInsertedRowID
            var data = EventData(to: dossier.status.rawValue)
            data.procedure = dossier.procedureCode; data.applicant = dossier.applicantName
            data.channel = dossier.channel.rawValue; data.dueDate = due.iso; data.ticket = dossier.ticketCode
            if !dossier.documents.isEmpty { data.documents = dossier.documents }
            try log.record(entity: "dossier", key: dossier.code, action: "receive", data: data)
            return dossier
        }
    }

    /// The ticket a dossier is received from: today's, called or being served at this counter —
    /// never a ticket still waiting or one at another counter.
    static func startServing(ticket code: String, day: LocalDate, actor: Actor, log: inout ActionBatch, _ db: Database) throws {
        let label = Localized(vi: "Số thứ tự", en: "Ticket")
        guard let ticket = try TicketRow.fetch(day: day, code: code, db) else {
            throw FieldError(field: "ticket", label: label, problem: Localized(vi: "không có phiếu \(code) hôm nay", en: "no ticket \(code) today"))
        }
        guard ticket.status.isAtCounter else {
            throw FieldError(field: "ticket", label: label,
                             problem: Localized(vi: "phiếu \(code) đang '\(ticket.status.label.vi)'; chỉ nhận hồ sơ của số đã gọi tới quầy",
                                                en: "ticket \(code) is '\(ticket.status.label.en)'; only a ticket called to the counter can hand in a dossier"))
        }
        if let mine = actor.counter, let at = ticket.counter, mine != at {
            throw FieldError(field: "ticket", label: label,
                             problem: Localized(vi: "phiếu \(code) đang ở quầy \(at), không phải quầy \(mine)",
                                                en: "ticket \(code) is at counter \(at), not counter \(mine)"))
        }
        guard ticket.status == .called else { return }
        var serving = ticket
        serving.status = .serving
        try TicketRow.update(serving, db)
        var data = EventData(from: ticket.status.rawValue, to: serving.status.rawValue)
        data.ticketBefore = ticket
        try log.record(entity: "ticket", key: ticket.eventKey, action: TicketMove.serve.rawValue, data: data)
    }

    /// A CCCD not on file yet may already be on one of today's tickets under another name (given
    /// at the walk-in desk): the same question as for a citizen on file, with that ticket's name.
    /// "Use the record on file" then files the dossier under the ticket's name.
    static func checkTodaysTickets(_ valid: ValidReceive, day: LocalDate, _ db: Database) throws -> Applicant {
        var a = valid.applicant
        guard let id = a.idNumber,
              try Row.fetchOne(db, sql: "SELECT 1 FROM applicants WHERE id_number = ?", arguments: [id]) == nil else { return a }
        let others = try Row.fetchAll(db, sql: "SELECT series, number, applicant_name FROM tickets WHERE day = ? AND id_number = ?",
                                      arguments: [day.iso, id])
        let ownCode = valid.ticketCode
        guard let other = others.first(where: { row in
            let code = Ticket.code(series: Ticket.Series(rawValue: row["series"]) ?? .ordinary, number: row["number"])
            let name: String = row["applicant_name"]
            return code != ownCode && VietnameseText.fold(name) != VietnameseText.fold(a.name)
        }) else { return a }
        let ticketName: String = other["applicant_name"]
        let code = Ticket.code(series: Ticket.Series(rawValue: other["series"]) ?? .ordinary, number: other["number"])
        switch valid.identity {
        case nil:
            throw ConfirmationNeeded(kind: .identityConflict,
                message: Localized(vi: "CCCD \(id) đã ghi cho số \(code) — '\(ticketName)' hôm nay, không phải '\(a.name)'. Dùng tên đã ghi, hay vẫn ghi tên này?",
                                   en: "ID \(id) was given today for \(code) — '\(ticketName)', not '\(a.name)'. Use that name, or keep this one?"),
                nameOnFile: ticketName)
        case .useRecordOnFile?:
            a.name = ticketName
        case .correctRecord?:
            break
        }
        return a
    }

    /// The same person (by CCCD) is one applicant. A CCCD on file under another name is a question
    /// for the clerk, never a silent rename; a correction keeps the old values in the audit log.
    /// Details given now fill in what the record lacked.
    static func resolveApplicant(_ a: Applicant, choice: IdentityChoice?, now: Date, log: inout ActionBatch, _ db: Database) throws -> Applicant {
        guard let id = a.idNumber,
              let existing = try Row.fetchOne(db, sql: "SELECT * FROM applicants WHERE id_number = ?", arguments: [id]).map(ApplicantRow.decode),
              let existingId = existing.id else {
            try db.execute(sql: "INSERT INTO applicants (name, id_number, phone, address, search_key, created_at) VALUES (?,?,?,?,?,?)",
                           arguments: [a.name, a.idNumber, a.phone, a.address, a.searchKey, Timestamp.text(now)])
            var created = a
            created.id = db.lastInsertedRowID
            return created
        }
        let sameName = VietnameseText.fold(existing.name) == VietnameseText.fold(a.name)
        var merged = existing
        if !sameName {
            switch choice {
            case nil:
                throw ConfirmationNeeded(kind: .identityConflict,
                    message: Localized(vi: "CCCD \(id) đã có trong hồ sơ của '\(existing.name)', không phải '\(a.name)'. Dùng người đã có, hay sửa tên trong hồ sơ?",
                                       en: "ID \(id) is on file as '\(existing.name)', not '\(a.name)'. Use the record on file, or correct it?"),
                    nameOnFile: existing.name)
            case .useRecordOnFile?:
                break
            case .correctRecord?:
                merged.name = a.name
            }
        }
        merged.phone = a.phone ?? existing.phone
        merged.address = a.address ?? existing.address
        if merged != existing {
            try db.execute(sql: "UPDATE applicants SET name = ?, phone = ?, address = ?, search_key = ? WHERE id = ?",
                           arguments: [merged.name, merged.phone, merged.address, merged.searchKey, existingId])
            var data = EventData()
            data.before = [:]; data.after = [:]
            for (field, old, new) in [("name", existing.name, merged.name), ("phone", existing.phone ?? "", merged.phone ?? ""),
                                      ("address", existing.address ?? "", merged.address ?? "")] where old != new {
                data.before?[field] = old
                data.after?[field] = new
            }
            try log.record(entity: "applicant", key: String(existingId), action: "correct", data: data)
        }
        return merged
    }

    /// A second dossier for the same applicant and procedure on the same day is usually a double
    /// key press; the clerk confirms it (`allowDuplicate`) when it is real.
    static func refuseDuplicate(applicant: Applicant, procedure: Procedure, day: LocalDate, _ db: Database) throws {
        let existing: String?
        if let id = applicant.id, applicant.idNumber != nil {
            existing = try String.fetchOne(db, sql: """
                SELECT code FROM dossiers WHERE applicant_id = ? AND procedure_code = ? AND day = ?
                  AND status NOT IN ('rejected', 'withdrawn') ORDER BY seq DESC LIMIT 1
                """, arguments: [id, procedure.code, day.iso])
        } else {
            existing = try String.fetchOne(db, sql: """
                SELECT code FROM dossiers WHERE day = ? AND procedure_code = ? AND search_key = ?
                  AND status NOT IN ('rejected', 'withdrawn') ORDER BY seq DESC LIMIT 1
                """, arguments: [day.iso, procedure.code, VietnameseText.fold(applicant.name)])
        }
        if let existing {
            throw ConfirmationNeeded(kind: .duplicateDossier,
                message: Localized(vi: "\(applicant.name) đã nộp hồ sơ \(procedure.code) hôm nay (\(existing)). Vẫn tiếp nhận thêm một hồ sơ?",
                                   en: "\(applicant.name) already handed in \(procedure.code) today (\(existing)). Receive another one?"))
        }
    }

    /// One step of a dossier (ready, return, post, deliver home, supplement, resume, reject,
    /// withdraw, process, send, post delivered / returned, apologize), checked by
    /// `DossierRules`, written with its typed event. `calendar` judges an apology's new date.
    public func actOnDossier(_ request: DossierActionRequest, now: Date, actor: Actor, calendar: WorkingCalendar) throws -> DossierActionResult {
        try write { db in
            try Self.checkCounter(actor, try Self.profile(db))
            guard let before = try DossierRow.fetch(code: request.code, db) else {
                throw StoreError.notFound(Localized(vi: "hồ sơ", en: "dossier"), request.code.uppercased())
            }
            var request = request
            // Sending by post with no address typed: the delivery address, else the applicant's own.
            if request.kind == .post, TextInput.nonBlank(request.address) == nil, before.deliveryAddress == nil,
               let id = before.applicantId,
               let address = try String.fetchOne(db, sql: "SELECT address FROM applicants WHERE id = ?", arguments: [id]) {
                request.address = address
            }
            // "Someone else" showing the applicant's own CCCD is a slip in the name or the number.
            if request.kind == .return, let id = TextInput.nonBlank(request.receiverIdNumber).flatMap({ try? CitizenID.parse($0).digits }),
               let applicantId = before.applicantId,
               let onFile = try String.fetchOne(db, sql: "SELECT id_number FROM applicants WHERE id = ?", arguments: [applicantId]),
               onFile == id, !DossierRules.isApplicant(request.receiverName ?? "", of: before) {
                throw FieldError(field: "receiver_id_number", label: Localized(vi: "CCCD người nhận", en: "Receiver's ID number"),
                                 problem: Localized(vi: "\(id) là CCCD của người nộp \(before.applicantName); người nhận thay phải dùng CCCD của chính mình",
                                                    en: "\(id) is the applicant's (\(before.applicantName)); someone collecting for them shows their own"))
            }
            // The version the dossier was received under: its delivery ways, not a later law's.
            let received = try Self.procedure(code: before.procedureCode, on: VietnamTime.local(before.receivedAt).date, db)
            let result = try DossierRules.apply(request, to: before, procedure: received,
                                            now: now, calendar: calendar)
            let d = result.dossier
            try DossierRow.updateState(d, db)
            var data = EventData(from: before.status.rawValue, to: d.status.rawValue)
            data.dossierBefore = before
            switch request.kind {
            case .return:
                data.receiverName = d.resultReceiver; data.receiverIdNumber = d.resultReceiverId; data.feeCollected = d.feeCollected
            case .deliverHome: data.receiverName = d.resultReceiver; data.feeCollected = d.feeCollected
            case .post: data.trackingNumber = d.trackingNumber; data.address = d.deliveryAddress; data.postage = d.postage
            case .supplement: data.missing = d.missingItems
            case .reject, .withdraw: data.reason = d.reason
            case .send: data.sentTo = d.sentTo
            case .apologize:
                data.reason = d.apologyReason; data.dueDate = d.dueDate.iso; data.previousDueDate = before.dueDate.iso
            case .postDelivered: data.trackingNumber = d.trackingNumber; data.feeCollected = d.feeCollected
            case .postReturned: data.trackingNumber = d.trackingNumber
            case .process, .ready, .resume: break
            }
            var log = ActionBatch(db, at: now, actor: actor)
            // The appointment follows first, so the dossier's step stays the batch's main event
            // (what undo names).
            var notes: [Localized] = []
            if request.kind == .deliverHome {
                try Self.serveHomeAppointment(for: d.code, now: now, log: &log, db)
            } else if d.status.isFinal {
                // Returned at the desk, posted, rejected, withdrawn: nobody is to drive it home.
                notes = try Self.cancelHomeAppointment(for: d, now: now, log: &log, db).map { a in
                    Localized(vi: "Đã huỷ lịch hẹn trả tại nhà \(a.reference) lúc \(TimeOfDay.hhmm(a.startMinute)) ngày \(a.day.vietnamese) của hồ sơ này",
                              en: "Cancelled the home delivery \(a.reference) at \(TimeOfDay.hhmm(a.startMinute)) on \(a.day.iso) for this dossier")
                }
            }
            try log.record(entity: "dossier", key: d.code, action: request.kind.rawValue, data: data)
            if !notes.isEmpty { return DossierActionResult(dossier: result.dossier, warnings: result.warnings, notes: notes) }
            return result
        }
    }

    /// A citizen's dossiers found by their name and CCCD together (both must match: a CCCD alone
    /// tells nothing to a stranger on the phone), newest first. Through the CCCD's index and the
    /// applicant's dossiers, never a scan.
    public func lookupDossiers(name: String, idNumber: String, limit: Int = 20) throws -> [Dossier] {
        let id = try CitizenID.parse(idNumber).digits
        let folded = VietnameseText.fold(try WalkInRequest.personName(name))
        return try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT id, name FROM applicants WHERE id_number = ?", arguments: [id]) else { return [] }
            let applicantId: Int64 = row["id"]
            let onFile: String = row["name"]
            let dossiers = try Row.fetchAll(db, sql: "SELECT * FROM dossiers WHERE applicant_id = ? ORDER BY received_at DESC LIMIT ?",
                                            arguments: [applicantId, limit]).map(DossierRow.decode)
            return dossiers.filter { VietnameseText.fold($0.applicantName) == folded || VietnameseText.fold(onFile) == folded }
        }
    }

    public func dossier(code: String) throws -> Dossier? {
        try read { db in try DossierRow.fetch(code: code, db) }
    }

    public func applicant(id: Int64) throws -> Applicant? {
        try read { db in try Row.fetchOne(db, sql: "SELECT * FROM applicants WHERE id = ?", arguments: [id]).map(ApplicantRow.decode) }
    }

    /// The applicant on file with this CCCD, if any (the desk warns before receiving under another name).
    public func applicant(idNumber: String) throws -> Applicant? {
        try read { db in try Row.fetchOne(db, sql: "SELECT * FROM applicants WHERE id_number = ?", arguments: [idNumber]).map(ApplicantRow.decode) }
    }

    /// Past applicants found by `SearchRule`: folded name words (any order) and CCCD or phone
    /// prefixes; the most recent `limit` of them, shown by name. The cost follows the page, not
    /// the years of applicants: the full-text index gives word matches newest first, and a
    /// number reads the CCCD and phone indexes from the prefix on.
    public func searchApplicants(_ typed: String, limit: Int = 50) throws -> [Applicant] {
        guard limit > 0, let (sql, args, paged) = Self.applicantSQL(typed, limit: limit) else { return [] }
        let found = try read { db in
            guard paged else {
                return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(args)).map(ApplicantRow.decode)
            }
            let query = SearchRule.Query(typed)
            return try SearchKey.fetch(db, sql: sql, arguments: args, limit: limit) { row in
                query.matchesPerson(key: (row["search_key"] as String?) ?? "") ? ApplicantRow.decode(row) : nil
            }
        }
        return Array(found.sorted { ($0.name, $0.id ?? 0) < ($1.name, $1.id ?? 0) }.prefix(limit))
    }

    /// The SELECT of `searchApplicants`: with `paged`, without its LIMIT (rows are checked
    /// against the rule and read on until `limit` pass); else complete, every row a match.
    static func applicantSQL(_ typed: String, limit: Int) -> (String, [DatabaseValue], paged: Bool)? {
        let compact = SearchRule.compactNumber(typed)
        if SearchRule.isDigits(compact) {
            // `:` sorts right after `9`: the range holds exactly the numbers with this prefix.
            let end = compact + ":"
            return ("""
                SELECT * FROM (SELECT * FROM applicants WHERE id_number >= ? AND id_number < ? ORDER BY id_number LIMIT \(limit))
                UNION SELECT * FROM (SELECT * FROM applicants WHERE phone >= ? AND phone < ? ORDER BY phone LIMIT \(limit))
                """, [compact, end, compact, end].map(\.databaseValue), false)
        }
        guard let match = SearchKey.ftsMatch(typed) else { return nil }
        return ("SELECT a.* FROM applicants_fts f JOIN applicants a ON a.id = f.rowid WHERE applicants_fts MATCH ? ORDER BY f.rowid DESC",
                [match.databaseValue], true)
    }

    /// The SQL of `searchApplicants`, values written in (the bench's `sqlite3` floor).
    public func searchSQL(applicants typed: String, limit: Int) -> String {
        guard let (sql, args, paged) = Self.applicantSQL(typed, limit: limit) else { return "SELECT 1" }
        return Self.inlined(paged ? sql + " LIMIT \(max(limit, 200))" : sql, args)
    }

    public func events(entity: String, key: String) throws -> [AuditEvent] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM events WHERE entity = ? AND entity_key = ? ORDER BY id", arguments: [entity, key]).map(EventRow.decode)
        }
    }
}
