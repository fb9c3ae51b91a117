/// How an audit event's action is worded for people (the history on screen, `dossier show`,
/// the undo message). Stored actions are stable code names; only this turns them into words.
public enum AuditActionLabel {
    public static func label(_ action: String) -> Localized {
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
        // Status names written by older versions (`set-status`).
        default:
            if let s = DossierStatus(rawValue: action) { return s.label }
            if let s = Ticket.Status(rawValue: action) { return s.label }
            return Localized(vi: action, en: action)
        }
    }
}
