/// How an audit event's action is worded for people (the history on screen, `dossier show`,
/// the undo message). Stored actions are stable code names; only this turns them into words.
public enum AuditActionLabel {
    public static func label(_ action: String, entity: String? = nil) -> Localized {
        switch (entity, action) {
        case ("appointment", "book"): return Localized(vi: "Đặt lịch hẹn", en: "Appointment booked")
        case ("appointment", "check-in"): return Localized(vi: "Đến theo lịch hẹn", en: "Checked in")
        case ("appointment", "reschedule"): return Localized(vi: "Dời lịch hẹn", en: "Rescheduled")
        case ("appointment", "cancel"): return Localized(vi: "Huỷ lịch hẹn", en: "Appointment cancelled")
        case ("appointment", "no-show"): return Localized(vi: "Không đến theo hẹn", en: "Did not come")
        case ("appointment", "serve"): return Localized(vi: "Đã phục vụ theo hẹn", en: "Appointment served")
        case ("appointment", "ticket"): return Localized(vi: "Theo số thứ tự", en: "Followed its ticket")
        case ("waitlist", "add"): return Localized(vi: "Ghi vào danh sách chờ", en: "Added to the waitlist")
        case ("waitlist", "offer"): return Localized(vi: "Báo chỗ trống cho người chờ", en: "Place offered")
        case ("waitlist", "close"): return Localized(vi: "Rời danh sách chờ", en: "Left the waitlist")
        case ("waitlist", "remove"): return Localized(vi: "Xoá khỏi danh sách chờ", en: "Taken off the waitlist")
        default: break
        }
        if let move = TicketMove(rawValue: action) { return move.label }
        if let step = DossierActionKind(rawValue: action) { return step.label }
        switch action {
        case "register": return Localized(vi: "Cấp số thứ tự", en: "Ticket issued")
        case "call": return Localized(vi: "Gọi số", en: "Called")
        case "correct": return Localized(vi: "Sửa thông tin", en: "Corrected")
        case "receive": return Localized(vi: "Tiếp nhận hồ sơ", en: "Dossier received")
        case "undo": return Localized(vi: "Hoàn tác", en: "Undone")
        case "setup": return Localized(vi: "Cài đặt bộ phận", en: "Desk set up")
        case "import": return Localized(vi: "Nhập danh mục thủ tục", en: "Catalog imported")
        case "seed": return Localized(vi: "Danh mục thủ tục có sẵn", en: "Built-in catalog")
        // Appointments (hẹn giờ) and the waitlist.
        case "book": return Localized(vi: "Đặt lịch hẹn", en: "Appointment booked")
        case "check-in": return Localized(vi: "Đến theo lịch hẹn", en: "Checked in")
        case "reschedule": return Localized(vi: "Dời lịch hẹn", en: "Rescheduled")
        case "cancel": return Localized(vi: "Huỷ lịch hẹn", en: "Appointment cancelled")
        case "offer": return Localized(vi: "Báo chỗ trống cho người chờ", en: "Place offered")
        case "add": return Localized(vi: "Ghi vào danh sách chờ", en: "Added to the waitlist")
        case "close": return Localized(vi: "Rời danh sách chờ", en: "Left the waitlist")
        // Status names written by older versions (`set-status`).
        default:
            if let s = DossierStatus(rawValue: action) { return s.label }
            if let s = Ticket.Status(rawValue: action) { return s.label }
            return Localized(vi: action, en: action)
        }
    }
}

extension AuditActionLabel {
    /// An event's data worded for the history: `Lý do: …; Người nhận: …; từ Đã tiếp nhận`. The
    /// new status is the action itself, so only where it came from is shown.
    /// An event's details for a history: a step taken back says so first, so the `Hoàn tác`
    /// line after it is read with what it undid.
    public static func historyDetails(_ event: AuditEvent) -> Localized {
        let d = details(EventData.parse(event.data))
        guard event.undoneBy != nil else { return d }
        let mark = Localized(vi: "(đã hoàn tác)", en: "(undone)")
        return Localized(vi: ([mark.vi] + (d.vi.isEmpty ? [] : [d.vi])).joined(separator: " "),
                         en: ([mark.en] + (d.en.isEmpty ? [] : [d.en])).joined(separator: " "))
    }

    public static func details(_ data: EventData) -> Localized {
        var vi: [String] = [], en: [String] = []
        func add(_ v: String?, _ viName: String, _ enName: String) {
            guard let v, !v.isEmpty else { return }
            vi.append("\(viName): \(v)"); en.append("\(enName): \(v)")
        }
        add(data.reason, "Lý do", "Reason")
        add(data.missing.map { $0.joined(separator: "; ") }, "Cần bổ sung", "Missing")
        add(data.receiverName, "Người nhận", "Received by")
        add(data.receiverIdNumber, "CCCD", "ID")
        add(data.trackingNumber, "Mã vận đơn", "Tracking")
        add(data.address, "Địa chỉ", "Address")
        add(data.sentTo, "Chuyển đến", "Sent to")
        add(data.postage.map(VND.text), "Cước", "Postage")
        add(data.feeCollected.map(VND.text), "Phí đã thu", "Fee collected")
        add(data.previousDueDate.flatMap { LocalDate(iso: $0)?.vietnamese }, "Hẹn cũ", "Previous due")
        add(data.procedure, "Thủ tục", "Procedure")
        add(data.applicant, "Người nộp", "Applicant")
        add(data.channel.flatMap { Channel(rawValue: $0)?.label.vi }, "Hình thức", "Channel")
        add(data.dueDate.flatMap { LocalDate(iso: $0)?.vietnamese }, "Hẹn trả", "Due")
        add(data.ticket, "Số", "Ticket")
        if let c = data.fromCounter, let t = data.toCounter { vi.append("quầy \(c) → \(t)"); en.append("counter \(c) → \(t)") }
        if let before = data.before, let after = data.after {
            for key in after.keys.sorted() {
                vi.append("\(key): \(before[key] ?? "") → \(after[key] ?? "")"); en.append("\(key): \(before[key] ?? "") → \(after[key] ?? "")")
            }
        }
        if let from = data.from {
            let label = DossierStatus(rawValue: from)?.label ?? Ticket.Status(rawValue: from)?.label ?? Localized(vi: from, en: from)
            vi.append("từ \(label.vi)"); en.append("from \(label.en)")
        }
        return Localized(vi: vi.joined(separator: "; "), en: en.joined(separator: "; "))
    }
}
