import Foundation
import MotCuaCore

/// Human output is aligned by terminal cells (Vietnamese letters are one cell, but width is
/// never counted in bytes or code points); JSON has stable snake_case keys.
enum Output {
    static func table(_ header: [String], _ rows: [[String]]) -> String {
        let all = ([header] + rows).map { $0.map(safe) }
        var widths = Array(repeating: 0, count: header.count)
        for r in all { for (i, c) in r.enumerated() where i < widths.count { widths[i] = max(widths[i], CellWidth.of(c)) } }
        return all.map { r in
            let line = r.enumerated().map { i, c in i == r.count - 1 ? c : CellWidth.pad(c, toCells: widths[i]) }.joined(separator: "  ")
            return String(line.reversed().drop(while: { $0 == " " }).reversed())
        }.joined(separator: "\n")
    }

    static func json<T: Encodable>(_ value: T) -> String {
        let enc = JSONEncoder()
        enc.keyEncodingStrategy = .convertToSnakeCase
        enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? enc.encode(value) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    static func print(_ text: String) { Swift.print(text) }

    /// A warning on standard error (the action was done; stdout stays clean for `--json`).
    /// Something a command did besides what was asked (a linked appointment cancelled): said on
    /// stderr so `--json` stays one document.
    static func note(_ note: Localized, _ lang: Language) {
        FileHandle.standardError.write(Data(((lang == .vi ? "Lưu ý: " : "Note: ") + note.text(lang) + "\n").utf8))
    }

    static func warn(_ warning: Localized?, _ lang: Language) {
        guard let warning else { return }
        FileHandle.standardError.write(Data(((lang == .vi ? "Cảnh báo: " : "Warning: ") + warning.text(lang) + "\n").utf8))
    }

    /// Text from the database as the terminal will show it: a control or invisible character
    /// (ESC, BEL… from a file written before they were refused) is shown as U+FFFD, never sent raw.
    static func safe(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: VietnameseText.isForbidden) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { VietnameseText.isForbidden($0) ? "\u{FFFD}" : $0 }))
    }
}

/// JSON rows with every key on every row: an empty value is `null`, never a missing key, so a
/// script reading the output sees the same shape each time (synthesized Encodable drops nils).
protocol JSONRow: Encodable {}

extension JSONRow {
    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: JSONKey.self)
        for child in Mirror(reflecting: self).children {
            guard let label = child.label, let value = child.value as? any Encodable else { continue }
            try c.encode(AnyEncodable(value), forKey: JSONKey(label))
        }
    }
}

struct JSONKey: CodingKey {
    let stringValue: String
    init(_ s: String) { stringValue = s }
    init?(stringValue: String) { self.stringValue = stringValue }
    var intValue: Int? { nil }
    init?(intValue: Int) { nil }
}

/// Encodes an existential; an Optional inside encodes its nil as `null`.
struct AnyEncodable: Encodable {
    let value: any Encodable
    init(_ value: any Encodable) { self.value = value }
    func encode(to encoder: Encoder) throws { try value.encode(to: encoder) }
}

struct TicketJSON: JSONRow {
    let ticket: String, day: String, name: String, status: String
    let priority: String?, priorityReason: String?, procedure: String?, phone: String?, idNumber: String?
    let counter: Int?, clerk: String?, issuedAt: String, calledAt: String?, finishedAt: String?, waitedMinutes: Int
    /// `A` walk-in, `B` priority, `H` a checked-in appointment (called at `appointment_at`).
    let series: String, appointmentId: Int64?, appointmentAt: String?
    init(_ t: Ticket, now: Date) {
        ticket = t.code; day = t.day.iso; name = t.applicantName; status = t.status.rawValue
        priority = t.priorityCode; priorityReason = t.priorityReason; procedure = t.procedureCode
        phone = t.phone; idNumber = t.idNumber; counter = t.counter; clerk = t.clerk
        issuedAt = VietnamTime.iso8601(t.issuedAt); calledAt = t.calledAt.map(VietnamTime.iso8601)
        finishedAt = t.finishedAt.map(VietnamTime.iso8601); waitedMinutes = t.waitedMinutes(now: now)
        series = t.series.rawValue; appointmentId = t.appointmentId; appointmentAt = t.appointmentAt.map(VietnamTime.iso8601)
    }
}

struct DossierJSON: JSONRow {
    let code: String, procedure: String, applicant: String, channel: String, delivery: String
    let deliveryAddress: String?, notes: String?, receivedAt: String, dueDate: String, status: String
    let overdue: Bool, ticket: String?, counter: Int?, clerk: String?, trackingNumber: String?, closedAt: String?
    let readyAt: String?, receivedBy: String?, receiverIdNumber: String?, missing: [String], reason: String?
    /// True when the due date rests on a default Tết/2/9 not announced yet (null where not computed).
    let dueDateProvisional: Bool?
    /// The note in Vietnamese (values never follow `--lang`); null when none.
    let dueDateNote: String?
    /// Issue 9: where it was sent, the first due date (lateness counts from it), the apology,
    /// the post's charge, delivery and return, the fee collected, the papers received.
    let sentTo: String?, sentAt: String?, originalDueDate: String?, apologyReason: String?, postage: Int?
    let postDeliveredAt: String?, postReturnedAt: String?, feeCollected: Int?, fee: Int?, documents: [ReceivedDocument]
    init(_ d: Dossier, today: LocalDate, due: DueDate? = nil) {
        code = d.code; procedure = d.procedureCode; applicant = d.applicantName; channel = d.channel.rawValue
        delivery = d.delivery.rawValue; deliveryAddress = d.deliveryAddress; notes = d.notes
        receivedAt = VietnamTime.iso8601(d.receivedAt); dueDate = d.dueDate.iso; status = d.status.rawValue
        overdue = d.isOverdue(today: today); ticket = d.ticketCode; counter = d.counter; clerk = d.clerk
        trackingNumber = d.trackingNumber; closedAt = d.closedAt.map(VietnamTime.iso8601)
        readyAt = d.readyAt.map(VietnamTime.iso8601); receivedBy = d.resultReceiver; receiverIdNumber = d.resultReceiverId
        missing = d.missingItems; reason = d.reason
        dueDateProvisional = due?.isProvisional; dueDateNote = due?.note?.vi
        sentTo = d.sentTo; sentAt = d.sentAt.map(VietnamTime.iso8601); originalDueDate = d.originalDueDate?.iso
        apologyReason = d.apologyReason; postage = d.postage; postDeliveredAt = d.postDeliveredAt.map(VietnamTime.iso8601)
        postReturnedAt = d.postReturnedAt.map(VietnamTime.iso8601); feeCollected = d.feeCollected
        fee = d.procedureSnapshot?.fee; documents = d.documents
    }
}

/// An audit event; `data` is the typed event data as a JSON object (not a string), without
/// the internal "state before" kept for undo.
struct EventJSON: JSONRow {
    let id: Int64?, at: String, user: String, counter: Int?, action: String, data: EventData
    init(_ e: AuditEvent) {
        id = e.id; at = VietnamTime.iso8601(e.at); user = e.actor.user; counter = e.actor.counter; action = e.action
        var d = EventData.parse(e.data)
        d.ticketBefore = nil; d.dossierBefore = nil
        data = d
    }
}

extension Date {
    var vnTime: String { VietnamTime.local(self).hhmm }
    var vnDateTime: String { let l = VietnamTime.local(self); return "\(l.date.vietnamese) \(l.hhmm)" }
}
