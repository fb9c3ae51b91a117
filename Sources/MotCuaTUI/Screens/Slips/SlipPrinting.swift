import Foundation
import MotCuaCore
import MotCuaStore

/// A slip ready to show and print: the text, and the name its file takes in `slips/`.
struct SlipDraft {
    /// What the preview's title says after "Xem trước" ("mẫu 01 — XPH-…"; the slip shows the form's name).
    let title: String
    /// The code the file is named after (a dossier code, or a ticket code with its day).
    let fileCode: String
    /// The form part of the file name (`receipt`, `ticket`).
    let fileForm: String
    let slip: Slip
}

/// Builds the slips of a dossier, the way `motcua dossier print` does, and prints them: the
/// file is written beside the database first, then sent to the desk's print command, whose
/// output is captured (never on the screen). Everything the clerk should know is said.
enum SlipPrinting {
    /// The forms that make sense for the dossier as it stands (`DossierSlips.forms`).
    static func forms(for d: Dossier, events: [AuditEvent]) -> [SlipForm] { DossierSlips.forms(for: d, events: events) }

    static func context(code: String, session: DeskSession) throws -> SlipContext {
        try session.db.slipContext(code: code, issuedAt: session.now, calendar: session.calendar, clerk: session.actor.user)
    }

    /// The slip `form` of dossier `code` as it is now in the store.
    static func draft(_ form: SlipForm, code: String, session: DeskSession) throws -> SlipDraft {
        let c = try context(code: code, session: session)
        let slip = try DossierSlips.render(form, c, calendar: session.calendar)
        return draft(form, code: c.dossier.code, slip: slip)
    }

    static func draft(_ form: SlipForm, code: String, slip: Slip) -> SlipDraft {
        SlipDraft(title: "mẫu \(form.number) — \(code)", fileCode: code,
                  fileForm: form.rawValue, slip: slip)
    }

    /// The walk-in's ticket slip (never their CCCD or phone).
    static func ticketDraft(_ ticket: Ticket, session: DeskSession) throws -> SlipDraft {
        let tickets = try session.todaysTickets()
        let ahead = tickets.filter { $0.status == .waiting }.prefix { $0.id != ticket.id }.count
        let slip = TicketSlip.render(ticket: ticket, peopleAhead: ahead, profile: try session.profile())
        let day = VietnamTime.local(ticket.issuedAt).date
        return SlipDraft(title: "số thứ tự \(ticket.code)", fileCode: "\(day.iso)-\(ticket.code)", fileForm: "ticket", slip: slip)
    }

    /// Writes the slip's file and sends it to the print command when there is one. Returns
    /// what to say and whether it is a warning (the printer failed or none is set).
    static func print(_ draft: SlipDraft, ascii: Bool, session: DeskSession, language: Language) -> (text: String, warning: Bool) {
        let en = language == .en
        let final = ascii ? draft.slip.ascii : draft.slip
        let path: String
        do {
            path = try SlipFiles.save(final.text, name: SlipFiles.fileName(code: draft.fileCode, form: draft.fileForm, ascii: ascii),
                                      databasePath: session.db.path)
        } catch {
            return (session.message(for: error), true)
        }
        let command: [String]
        do {
            command = try session.profile().printCommand ?? []
        } catch {
            return ((en ? "Slip saved: \(path); " : "Đã lưu phiếu: \(path); ") + session.message(for: error), true)
        }
        guard !command.isEmpty else {
            return (en ? "Slip saved: \(path); no print command is set (motcua setup --print-command), nothing printed"
                       : "Đã lưu phiếu: \(path); chưa cài lệnh in (motcua setup --print-command), chưa in", true)
        }
        do {
            try PrintCommand.run(command, file: path)
        } catch {
            // The store's message names the command and says the file is saved.
            return ((en ? "NOT PRINTED: " : "CHƯA IN ĐƯỢC: ") + session.message(for: error), true)
        }
        return (en ? "Slip saved: \(path); sent to the printer (\(PrintCommand.display(command)))"
                   : "Đã lưu phiếu: \(path); đã gửi tới máy in (\(PrintCommand.display(command)))", false)
    }
}

extension String {
    /// "GIẤY TIẾP NHẬN" → "Giấy tiếp nhận".
    var capitalizedFirst: String {
        let lower = lowercased()
        guard let first = lower.first else { return lower }
        return first.uppercased() + lower.dropFirst()
    }
}

/// The slip on screen before it is printed: 80 columns as it will be on paper, scrolled with
/// Up/Down and the page keys; Enter prints (file first, then the print command), `a` switches
/// to the ASCII variant and back, Esc closes without printing.
final class SlipPreviewScreen: Screen {
    let draft: SlipDraft
    let session: DeskSession
    /// Without diacritics, for a printer without Vietnamese fonts.
    private(set) var ascii = false
    private(set) var offset = 0
    private var room = 10
    /// What to do after printing or closing (the result page the preview came from stays).
    private let done: ((ScreenHost) -> Void)?

    init(draft: SlipDraft, session: DeskSession, done: ((ScreenHost) -> Void)? = nil) {
        self.draft = draft
        self.session = session
        self.done = done
    }

    var lines: [String] { ascii ? draft.slip.ascii.lines : draft.slip.lines }

    var keyContext: KeyContext { .form }
    var isModal: Bool { true }
    static let actions: Set<Action> = [.formSubmit, .formCancel, .cursorUp, .cursorDown, .pageUp, .pageDown]
    var implementedActions: Set<Action> { Self.actions }
    var barActions: [Action] { [.help, .formSubmit, .formCancel, .cursorDown, .cursorUp, .quit] }

    func text(for action: Action) -> ActionText? {
        switch action {
        case .formSubmit: ActionText(vi: "In", "In phiếu: lưu tệp và gửi tới máy in", en: "Print", "Print: save the file and send it to the printer",
                                     barKey: .enter)
        case .formCancel: ActionText(vi: "Đóng", "Đóng, không in", en: "Close", "Close without printing")
        case .cursorUp, .cursorDown, .pageUp, .pageDown:
            ActionText(label: action.label, help: Localized(vi: action.helpLine.vi + " (cuộn phiếu)", en: action.helpLine.en + " (scroll the slip)"))
        default: nil
        }
    }

    /// `a` (unbound in forms): the ASCII variant and back.
    func handle(key: Key, host: ScreenHost) -> Bool {
        guard case .character(let ch) = key, ch == "a" || ch == "A" else { return false }
        ascii.toggle()
        offset = 0
        host.say(ascii ? (host.language == .en ? "ASCII variant (no diacritics)" : "Bản không dấu (ASCII)")
                       : (host.language == .en ? "Vietnamese text" : "Bản có dấu"))
        return true
    }

    func perform(_ action: Action, host: ScreenHost) -> Bool {
        switch action {
        case .formSubmit:
            let said = SlipPrinting.print(draft, ascii: ascii, session: session, language: host.language)
            host.pop(self)
            done?(host)
            host.say(said.text, warning: said.warning)
        case .formCancel:
            host.pop(self)
            done?(host)
            host.say(host.language == .en ? "Not printed" : "Chưa in")
        case .cursorUp: scroll(-1)
        case .cursorDown: scroll(1)
        case .pageUp: scroll(-room)
        case .pageDown: scroll(room)
        default: return false
        }
        return true
    }

    private func scroll(_ delta: Int) {
        let (v, o) = offset.addingReportingOverflow(delta)
        offset = o ? (delta < 0 ? 0 : Int.max) : v
        offset = max(0, min(offset, max(0, lines.count - room)))
    }

    func render(into g: inout CellGrid, top: Int, bottom: Int, host: ScreenHost) {
        guard bottom > top else { return }
        let en = host.language == .en
        let all = lines
        room = max(1, bottom - top - 1)
        offset = max(0, min(offset, max(0, all.count - room)))
        var hint = host.hint([(.formSubmit, "in", "print"), (.formCancel, "đóng", "close")], in: keyContext)
        hint = (ascii ? (en ? "a: Vietnamese · " : "a: có dấu · ") : (en ? "a: ASCII · " : "a: không dấu · ")) + hint
        if all.count > room {
            hint = "\(host.symbols.up)\(host.symbols.down) \(offset + 1)–\(min(all.count, offset + room))/\(all.count) · " + hint
        }
        let hintWidth = CellWidth.of(hint)
        let titleRoom = max(0, g.cols - 3 - hintWidth)
        // The dossier code must show whole: "Xem trước" goes first when room is short.
        let long = (en ? "Preview " : "Xem trước ") + draft.title
        let title = CellWidth.of(long) <= titleRoom ? long : draft.title
        g.put(row: top, col: 0, text: CellWidth.truncate(title, toCells: titleRoom), style: CellStyle(.bold))
        if hintWidth < g.cols {
            g.put(row: top, col: g.cols - hintWidth, text: hint, style: CellStyle(.dim, role: .muted))
        }
        for (k, text) in all.dropFirst(offset).prefix(max(0, bottom - top - 1)).enumerated() {
            g.put(row: top + 1 + k, col: 0, text: CellWidth.truncate(text, toCells: g.cols), style: .plain)
        }
    }
}

/// Which form to print for a dossier: only those that make sense for its state. Up/Down and
/// Enter choose, a digit picks a row at once, Esc closes.
final class SlipFormChoiceScreen: Screen {
    let code: String
    let forms: [SlipForm]
    let session: DeskSession
    private let under: Screen?
    private(set) var list: ListView

    init(code: String, forms: [SlipForm], session: DeskSession, under: Screen?) {
        self.code = code
        self.forms = forms
        self.session = session
        self.under = under
        self.list = ListView(count: forms.count, height: max(1, forms.count))
    }

    var keyContext: KeyContext { .form }
    var isModal: Bool { true }
    var acceptsText: Bool { true }
    static let actions: Set<Action> = [.formSubmit, .formCancel, .cursorUp, .cursorDown]
    var implementedActions: Set<Action> { Self.actions }
    var barActions: [Action] { [.help, .formSubmit, .formCancel] }

    func text(for action: Action) -> ActionText? {
        switch action {
        case .formSubmit: ActionText(vi: "Xem trước", "Xem trước mẫu đã chọn", en: "Preview", "Preview the chosen form", barKey: .enter)
        case .formCancel: ActionText(vi: "Đóng", "Đóng, không in", en: "Close", "Close without printing")
        default: nil
        }
    }

    func handle(key: Key, host: ScreenHost) -> Bool {
        guard case .character(let ch) = key, let n = ch.wholeNumberValue, n >= 1, n <= forms.count else { return true }
        choose(n - 1, host)
        return true
    }

    func perform(_ action: Action, host: ScreenHost) -> Bool {
        switch action {
        case .cursorUp: list.moveUp()
        case .cursorDown: list.moveDown()
        case .formSubmit: if let i = list.selected { choose(i, host) }
        case .formCancel:
            host.pop(self)
            host.say(host.language == .en ? "Not printed" : "Chưa in")
        default: return false
        }
        return true
    }

    private func choose(_ index: Int, _ host: ScreenHost) {
        guard forms.indices.contains(index) else { return }
        do {
            let draft = try SlipPrinting.draft(forms[index], code: code, session: session)
            host.replace(self, with: SlipPreviewScreen(draft: draft, session: session))
        } catch {
            host.report(error)
        }
    }

    func render(into g: inout CellGrid, top: Int, bottom: Int, host: ScreenHost) {
        under?.render(into: &g, top: top, bottom: bottom, host: host)
        let en = host.language == .en
        list.setHeight(max(1, min(forms.count, bottom - top - 6)))
        let (row, left, width) = ScreenDraw.box(into: &g, top: top, bottom: bottom, height: list.height + 3, width: 76,
                                                title: en ? "Print — dossier \(code)" : "In phiếu — hồ sơ \(code)",
                                                footer: host.hint([(.formSubmit, "xem trước", "preview"), (.formCancel, "đóng", "close")],
                                                                  in: keyContext),
                                                symbols: host.symbols)
        g.put(row: row, col: left, text: CellWidth.truncate(en ? "Which form?" : "In mẫu nào?", toCells: width), style: CellStyle(.bold))
        for (line, i) in list.visibleRange.enumerated() {
            let text = CellWidth.truncate("\(i + 1). Mẫu \(forms[i].number) — \(forms[i].title.capitalizedFirst)", toCells: width)
            g.put(row: row + 1 + line, col: left, text: text, style: i == list.selected ? CellStyle(.reverse, role: .selected) : .plain)
        }
    }
}
