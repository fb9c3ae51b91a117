import Foundation

/// Form 07, Sổ theo dõi hồ sơ (Thông tư 03/2025/TT-VPCP, Phụ lục I; sources in Slip.swift): wider
/// than 80 columns, so written as CSV for a spreadsheet: a UTF-8 byte-order mark and CRLF line
/// ends, so Excel opens the Vietnamese right. The columns follow the issue (the 2018 register's
/// columns as the desk keeps them); the 2025 register's exact column headings are not confirmed.
public enum RegisterCSV {
    /// One dossier's line in the register.
    public struct Entry: Hashable, Sendable {
        public var dossier: Dossier
        public var applicant: Applicant?
        /// When (and to whom) it was sent to processing: the first `process` event.
        public var sentAt: Date?
        public var sentTo: String?

        public init(dossier: Dossier, applicant: Applicant? = nil, sentAt: Date? = nil, sentTo: String? = nil) {
            self.dossier = dossier; self.applicant = applicant; self.sentAt = sentAt; self.sentTo = sentTo
        }

        /// Taken from the dossier's audit events.
        public init(dossier: Dossier, applicant: Applicant?, events: [AuditEvent]) {
            // `send` records the department (`dossier send --to`); `process` is the step without one.
            let sent = events.first { $0.action == "send" } ?? events.first { $0.action == "process" }
            let data = sent.map { EventData.parse($0.data) }
            self.init(dossier: dossier, applicant: applicant, sentAt: dossier.sentAt ?? sent?.at,
                      sentTo: dossier.sentTo ?? data?.sentTo)
        }
    }

    public static let header = ["STT", "Mã hồ sơ", "Tên thủ tục hành chính", "Người nộp", "Địa chỉ, số điện thoại",
                                "Tiếp nhận lúc", "Hẹn trả", "Hẹn trả lần đầu", "Trước / đúng / trễ hạn", "Chuyển xử lý lúc", "Có kết quả lúc",
                                "Trả / gửi / giao lúc", "Người nhận kết quả", "Ghi chú"]

    /// The columns' names in JSON, in the header's order.
    public static let keys = ["number", "code", "procedure", "applicant", "contact", "received_at", "due", "first_due",
                              "resolution", "sent_at", "ready_at", "handed_over_at", "receiver", "note"]

    public static let byteOrderMark = "\u{FEFF}"

    /// The rows; `today` judges the dossiers still without a result (overdue or within time).
    public static func rows(_ entries: [Entry], today: LocalDate) -> [[String]] {
        // Early / on time / late is judged by date alone; the calendar is the rule's parameter.
        let calendar = WorkingCalendar()
        return entries.enumerated().map { i, e in
            let d = e.dossier
            let contact = [e.applicant?.address ?? d.deliveryAddress, e.applicant?.phone].compactMap { $0 }.joined(separator: "; ")
            var note = [d.status.label.vi]
            if let t = d.trackingNumber { note.append("mã vận đơn \(t)") }
            if let at = d.postDeliveredAt { note.append("bưu điện đã phát " + stamp(at)) }
            if let at = d.postReturnedAt { note.append("bưu điện trả lại " + stamp(at)) }
            if !d.missingItems.isEmpty { note.append("cần bổ sung: " + d.missingItems.joined(separator: ", ")) }
            if let r = d.reason { note.append("lý do: " + r) }
            if let to = e.sentTo { note.append("chuyển: " + to) }
            if let why = d.apologyReason { note.append("đã xin lỗi, hẹn lại: " + why) }
            if let fee = d.feeCollected { note.append("đã thu " + VND.text(fee)) }
            if let postage = d.postage { note.append("cước " + VND.text(postage)) }
            let handedOver = [DossierStatus.returned, .posted, .deliveredHome].contains(d.status) ? d.closedAt : nil
            return [String(i + 1), d.code, d.procedureSnapshot?.name ?? d.procedureCode, d.applicantName, contact,
                    // The first date only when an apology moved it; lateness is judged on it.
                    stamp(d.receivedAt), d.dueDate.vietnamese, d.originalDueDate?.vietnamese ?? "",
                    timing(d, today: today, calendar: calendar), e.sentAt.map(stamp) ?? "", d.readyAt.map(stamp) ?? "",
                    handedOver.map(stamp) ?? "", d.resultReceiver ?? "", note.joined(separator: "; ")]
        }
    }

    /// The file's text: BOM, header, rows, CRLF.
    public static func render(_ entries: [Entry], today: LocalDate) -> String {
        byteOrderMark + CSV.write([header] + rows(entries, today: today), lineEnding: "\r\n")
    }

    /// Early / on time / late for a result (`Dossier.resolution`); for one still in progress,
    /// whether it is overdue today (`Dossier.isOverdue`, on the first due date); empty for a
    /// dossier refused or withdrawn without a result.
    static func timing(_ d: Dossier, today: LocalDate, calendar: WorkingCalendar) -> String {
        if let r = d.resolution(calendar: calendar) { return r.label.vi }
        guard d.status.isInProgress else { return "" }
        return d.isOverdue(today: today) ? "Chưa có KQ, quá hạn" : "Chưa có KQ, trong hạn"
    }

    static func stamp(_ at: Date) -> String {
        let l = VietnamTime.local(at)
        return "\(l.hhmm) \(l.date.vietnamese)"
    }
}
