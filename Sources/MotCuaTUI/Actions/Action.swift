import MotCuaCore

/// Every command a key can trigger: one table read by the keymap, the help screen and the key
/// bar (tig's request list, calcurse's key table). Raw values are the names used in keymap files.
public enum Action: String, CaseIterable, Hashable, Sendable {
    case help
    case quit
    case undo
    case viewQueue = "view.queue"
    case viewAppointments = "view.appointments"
    case viewDossiers = "view.dossiers"
    case viewSearch = "view.search"
    case viewReports = "view.reports"
    case viewBoard = "view.board"
    case viewBack = "view.back"
    case inputCycle = "input.cycle"
    case cursorUp = "cursor.up"
    case cursorDown = "cursor.down"
    case pageUp = "page.up"
    case pageDown = "page.down"
    case cursorFirst = "cursor.first"
    case cursorLast = "cursor.last"
    case searchStart = "search.start"
    case filterPrev = "filter.prev"
    case filterNext = "filter.next"
    case sortNext = "sort.next"
    case itemOpen = "item.open"
    case walkinRegister = "walkin.register"
    case queueCallNext = "queue.call-next"
    case queueRecall = "queue.recall"
    case queueDone = "queue.done"
    case queueNoShow = "queue.no-show"
    case queueTransfer = "queue.transfer"
    case queueShowFinished = "queue.show-finished"
    case queueBringBack = "queue.bring-back"
    case walkinEdit = "walkin.edit"
    case appointmentBook = "appointment.book"
    case appointmentCheckIn = "appointment.check-in"
    case appointmentReschedule = "appointment.reschedule"
    case appointmentCancel = "appointment.cancel"
    case appointmentNoShow = "appointment.no-show"
    case appointmentWaitlist = "appointment.waitlist"
    case appointmentCallList = "appointment.call-list"
    case appointmentWaitlistRemove = "appointment.waitlist-remove"
    case calendarPrev = "calendar.prev"
    case calendarNext = "calendar.next"
    case calendarToday = "calendar.today"
    case calendarWeek = "calendar.week"
    case calendarPrevWeek = "calendar.prev-week"
    case calendarNextWeek = "calendar.next-week"
    case calendarGoto = "calendar.goto"
    case dossierReceive = "dossier.receive"
    case dossierReady = "dossier.ready"
    case dossierReturn = "dossier.return"
    case dossierPost = "dossier.post"
    case dossierDeliverHome = "dossier.deliver-home"
    case dossierSupplement = "dossier.supplement"
    case dossierReject = "dossier.reject"
    case dossierResume = "dossier.resume"
    case dossierWithdraw = "dossier.withdraw"
    case dossierSend = "dossier.send"
    case dossierPostDelivered = "dossier.post-delivered"
    case dossierPostReturned = "dossier.post-returned"
    case dossierApologize = "dossier.apologize"
    case dossierPrint = "dossier.print"
    case dossierUncollected = "dossier.uncollected"
    case formSubmit = "form.submit"
    case formCancel = "form.cancel"
    case fieldNext = "field.next"
    case fieldPrev = "field.prev"
    case fieldClear = "field.clear"

    /// The action's metadata (group, help line, key-bar label).
    public var info: ActionInfo { ActionInfo.table[self] ?? ActionInfo(group: .general, label: Localized(vi: rawValue, en: rawValue), help: Localized(vi: rawValue, en: rawValue)) }
    public var label: Localized { info.label }
    public var helpLine: Localized { info.help }
    public var group: ActionGroup { info.group }
}

/// Groups for the help screen, in display order.
public enum ActionGroup: String, CaseIterable, Hashable, Sendable {
    case general, views, movement, queue, appointments, calendar, dossiers, forms

    public var title: Localized {
        switch self {
        case .general: Localized(vi: "Chung", en: "General")
        case .views: Localized(vi: "Màn hình", en: "Views")
        case .movement: Localized(vi: "Di chuyển", en: "Movement")
        case .queue: Localized(vi: "Hàng chờ", en: "Queue")
        case .appointments: Localized(vi: "Lịch hẹn", en: "Appointments")
        case .calendar: Localized(vi: "Lịch", en: "Calendar")
        case .dossiers: Localized(vi: "Hồ sơ", en: "Dossiers")
        case .forms: Localized(vi: "Biểu mẫu", en: "Forms")
        }
    }
}

/// One row of the action table.
public struct ActionInfo: Hashable, Sendable {
    public let group: ActionGroup
    /// Short label for the key bar (`Trợ giúp`).
    public let label: Localized
    /// One line for the help screen.
    public let help: Localized

    public init(group: ActionGroup, label: Localized, help: Localized) {
        self.group = group; self.label = label; self.help = help
    }

    private static func row(_ a: Action, _ g: ActionGroup, _ labelVi: String, _ labelEn: String,
                            _ helpVi: String, _ helpEn: String) -> (Action, ActionInfo) {
        (a, ActionInfo(group: g, label: Localized(vi: labelVi, en: labelEn), help: Localized(vi: helpVi, en: helpEn)))
    }

    static let table: [Action: ActionInfo] = Dictionary(uniqueKeysWithValues: [
        row(.help, .general, "Trợ giúp", "Help", "Xem các phím đang dùng", "Show the keys in force"),
        row(.quit, .general, "Thoát", "Quit", "Thoát chương trình", "Quit the program"),
        row(.undo, .general, "Hoàn tác", "Undo", "Hoàn tác việc cuối cùng hôm nay của quầy này",
            "Undo this counter's last change of today"),
        row(.viewQueue, .views, "Hàng chờ", "Queue", "Xem hàng chờ", "Show the queue"),
        row(.viewAppointments, .views, "Lịch hẹn", "Appts", "Xem lịch hẹn", "Show appointments"),
        row(.viewDossiers, .views, "Hồ sơ", "Dossiers", "Xem sổ theo dõi hồ sơ", "Show the dossier register"),
        row(.viewSearch, .views, "Tìm", "Search", "Tìm công dân, hồ sơ", "Search citizens and dossiers"),
        row(.viewReports, .views, "Báo cáo", "Reports", "Xem báo cáo, thống kê", "Show reports and statistics"),
        row(.viewBoard, .views, "Tổng quan", "Overview", "Về bảng theo dõi tổng quan", "Back to the board's overview"),
        row(.viewBack, .views, "Quay lại", "Back", "Quay lại màn hình trước", "Back to the previous screen"),
        row(.inputCycle, .general, "Gõ", "Input", "Đổi kiểu gõ: Telex → VNI → tắt", "Cycle input method: Telex → VNI → off"),
        row(.cursorUp, .movement, "Lên", "Up", "Lên một dòng", "Move up one row"),
        row(.cursorDown, .movement, "Xuống", "Down", "Xuống một dòng", "Move down one row"),
        row(.pageUp, .movement, "Trang trước", "Page up", "Lên một trang", "Move up one page"),
        row(.pageDown, .movement, "Trang sau", "Page down", "Xuống một trang", "Move down one page"),
        row(.cursorFirst, .movement, "Đầu", "First", "Về dòng đầu", "Go to the first row"),
        row(.cursorLast, .movement, "Cuối", "Last", "Đến dòng cuối", "Go to the last row"),
        row(.searchStart, .movement, "Tìm", "Find", "Tìm trong danh sách", "Search in the list"),
        row(.filterPrev, .movement, "Lọc trước", "Prev filter", "Bộ lọc trước", "Previous filter"),
        row(.filterNext, .movement, "Lọc sau", "Next filter", "Bộ lọc sau", "Next filter"),
        row(.sortNext, .movement, "Sắp xếp", "Sort", "Đổi thứ tự sắp xếp", "Change the order"),
        row(.itemOpen, .movement, "Xem", "Open", "Mở dòng đang chọn", "Open the selected row"),
        row(.walkinRegister, .queue, "Cấp số", "Ticket", "Cấp số thứ tự cho người mới đến", "Give a walk-in a ticket"),
        row(.queueCallNext, .queue, "Gọi số", "Call", "Gọi số tiếp theo (ưu tiên trước)", "Call the next ticket (priority first)"),
        row(.queueRecall, .queue, "Gọi lại", "Recall", "Gọi lại số đang phục vụ", "Call the current ticket again"),
        row(.queueDone, .queue, "Xong", "Done", "Đã phục vụ xong", "Mark the ticket served"),
        row(.queueNoShow, .queue, "Vắng", "No-show", "Công dân không có mặt", "The citizen did not come"),
        row(.queueTransfer, .queue, "Chuyển", "Transfer", "Chuyển sang quầy khác", "Transfer to another counter"),
        row(.queueShowFinished, .queue, "Đã xong", "Finished", "Hiện/ẩn các số đã xong và vắng mặt hôm nay",
            "Show or hide today's finished and no-show tickets"),
        row(.queueBringBack, .queue, "Quay lại", "Bring back", "Người vắng mặt quay lại: chờ lại đúng chỗ cũ (trong ngày)",
            "A no-show came back: waiting again in their old place (same day)"),
        row(.walkinEdit, .queue, "Sửa", "Correct", "Sửa họ tên người đến (giữ tên cũ trong nhật ký)",
            "Correct a walk-in's name (the old one stays in the audit log)"),
        row(.appointmentBook, .appointments, "Đặt hẹn", "Book", "Đặt lịch hẹn", "Book an appointment"),
        row(.appointmentCheckIn, .appointments, "Đã đến", "Check in", "Người có hẹn đã đến", "The appointment has arrived"),
        row(.appointmentReschedule, .appointments, "Dời hẹn", "Move", "Dời lịch hẹn", "Reschedule the appointment"),
        row(.appointmentCancel, .appointments, "Huỷ hẹn", "Cancel", "Huỷ lịch hẹn", "Cancel the appointment"),
        row(.appointmentNoShow, .appointments, "Không đến", "No-show", "Người có hẹn không đến", "The appointment did not come"),
        row(.appointmentWaitlist, .appointments, "DS chờ", "Waitlist", "Danh sách chờ của ngày (người có chỗ cần gọi)",
            "The day's waitlist (people offered a place, to phone)"),
        row(.appointmentWaitlistRemove, .appointments, "Bỏ chờ", "Remove",
            "Bỏ người đang chọn khỏi danh sách chờ (ghi lý do)", "Take the selected person off the waitlist (with a reason)"),
        row(.appointmentCallList, .appointments, "DS gọi", "Call list",
            "Danh sách gọi điện cho ngày làm việc kế tiếp, ghi ra tệp",
            "Call list: the next working day's appointments and freed places, written to a file"),
        row(.calendarPrevWeek, .calendar, "Tuần trước", "Prev week", "Lùi một tuần", "Previous week"),
        row(.calendarNextWeek, .calendar, "Tuần sau", "Next week", "Tới một tuần", "Next week"),
        row(.calendarGoto, .calendar, "Đến ngày", "Go to", "Đến ngày gõ vào (dd/mm hoặc dd/mm/yyyy)",
            "Go to a date typed as dd/mm or dd/mm/yyyy"),
        row(.calendarPrev, .calendar, "Trước", "Prev", "Ngày/tuần trước", "Previous day or week"),
        row(.calendarNext, .calendar, "Sau", "Next", "Ngày/tuần sau", "Next day or week"),
        row(.calendarToday, .calendar, "Hôm nay", "Today", "Về hôm nay", "Go to today"),
        row(.calendarWeek, .calendar, "Tuần", "Week", "Xem theo ngày/tuần", "Toggle day and week view"),
        row(.dossierReceive, .dossiers, "Nhận HS", "Receive", "Tiếp nhận hồ sơ, tính ngày hẹn trả", "Receive a dossier and set its due date"),
        row(.dossierReady, .dossiers, "Có KQ", "Ready", "Đã có kết quả", "The result is ready"),
        row(.dossierReturn, .dossiers, "Trả KQ", "Return", "Trả kết quả tại quầy", "Return the result at the desk"),
        row(.dossierPost, .dossiers, "Bưu chính", "Post", "Gửi/nhận qua bưu chính công ích", "Send or receive by public postal service"),
        row(.dossierDeliverHome, .dossiers, "Tại nhà", "Home", "Trả kết quả tại nhà", "Deliver the result at home"),
        row(.dossierSupplement, .dossiers, "Bổ sung", "Supplement", "Yêu cầu bổ sung, hoàn thiện hồ sơ", "Request a supplement"),
        row(.dossierReject, .dossiers, "Từ chối", "Reject", "Từ chối tiếp nhận hồ sơ", "Reject the dossier"),
        row(.dossierResume, .dossiers, "Đã bổ sung", "Resume", "Người nộp đã bổ sung đủ: tiếp tục giải quyết",
            "The applicant brought what was missing: resume"),
        row(.dossierWithdraw, .dossiers, "Rút HS", "Withdraw", "Người nộp rút hồ sơ (có lý do, không hoàn tác được)",
            "The applicant withdraws the dossier (with a reason; cannot be undone)"),
        row(.dossierSend, .dossiers, "Chuyển XL", "Send", "Chuyển hồ sơ đến phòng, bộ phận hoặc cán bộ giải quyết",
            "Send the dossier to the department or officer who processes it"),
        row(.dossierPostDelivered, .dossiers, "BĐ đã phát", "Delivered", "Bưu điện đã phát kết quả cho công dân",
            "The post delivered the result to the citizen"),
        row(.dossierPostReturned, .dossiers, "BĐ trả lại", "Post back", "Bưu điện trả lại kết quả: về quầy, gọi điện cho công dân",
            "The post brought the result back: at the desk again, phone the citizen"),
        row(.dossierApologize, .dossiers, "Xin lỗi", "Apologize", "Xin lỗi, hẹn lại ngày trả (mẫu 04) cho hồ sơ đến hạn hoặc quá hạn",
            "Apology and a new due date (form 04) for a dossier due or overdue"),
        row(.dossierPrint, .dossiers, "In", "Print", "In phiếu: chọn mẫu (01–06), xem trước, in",
            "Print a slip: choose the form (01–06), preview, print"),
        row(.dossierUncollected, .dossiers, "Chưa nhận KQ", "Uncollected",
            "Kết quả chờ quá số ngày làm việc đã đặt (mặc định 5) mà chưa ai nhận, kèm số điện thoại để gọi (lần nữa: quay lại)",
            "Results ready longer than the set working days (5 by default), not collected, with phones to call (again: back)"),
        row(.formSubmit, .forms, "Lưu", "Save", "Lưu biểu mẫu", "Submit the form"),
        row(.formCancel, .forms, "Huỷ", "Cancel", "Bỏ biểu mẫu", "Cancel the form"),
        row(.fieldNext, .forms, "Ô sau", "Next", "Sang ô sau", "Next field"),
        row(.fieldPrev, .forms, "Ô trước", "Prev", "Về ô trước", "Previous field"),
        row(.fieldClear, .forms, "Xoá ô", "Clear", "Xoá hết chữ trong ô đang nhập", "Clear the field being typed in"),
    ])
}
