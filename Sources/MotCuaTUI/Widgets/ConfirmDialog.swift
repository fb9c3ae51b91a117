import MotCuaCore

/// The one yes/no dialog of the desk, over the current screen. `c`/`y` answer yes, `k`/`n` no,
/// Left/Right (and `field.next`/`field.prev`, Tab) move between the two buttons, `form.submit`
/// (Enter) takes the highlighted one and `form.cancel` (Esc) is no. Which button starts
/// highlighted is the caller's choice (`YesNoQuestion.defaultYes`).
public final class ConfirmScreen: Screen {
    public let question: YesNoQuestion
    /// The highlighted button.
    public private(set) var yesSelected: Bool

    public init(_ question: YesNoQuestion) {
        self.question = question
        self.yesSelected = question.defaultYes
    }

    public var title: String { question.title }
    public var message: String { question.message }

    public var keyContext: KeyContext { .form }
    public var implementedActions: Set<Action> { Self.actions }
    static let actions: Set<Action> = [.formSubmit, .formCancel, .fieldNext, .fieldPrev]
    public var barActions: [Action] { [.help, .formSubmit, .fieldNext, .formCancel] }
    public var acceptsText: Bool { true }
    public var isModal: Bool { true }

    public func text(for action: Action) -> ActionText? {
        switch action {
        case .formSubmit: ActionText(vi: "Chọn", "Trả lời bằng nút đang sáng", en: "Choose", "Answer with the highlighted button", barKey: .enter)
        case .formCancel: ActionText(vi: "Không", "Trả lời Không", en: "No", "Answer no")
        case .fieldNext, .fieldPrev: ActionText(vi: "Có/Không", "Chuyển giữa Có và Không", en: "Yes/No", "Move between Yes and No")
        default: nil
        }
    }

    public func handle(key: Key, host: ScreenHost) -> Bool {
        switch key {
        case .character(let ch):
            switch ch {
            case "c", "C", "y", "Y": answer(true, host)
            case "k", "K", "n", "N": answer(false, host)
            default: break
            }
            return true
        case .left, .right:
            yesSelected.toggle()
            return true
        default:
            return false
        }
    }

    public func perform(_ action: Action, host: ScreenHost) -> Bool {
        switch action {
        case .formSubmit: answer(yesSelected, host)
        case .formCancel: answer(false, host)
        case .fieldNext, .fieldPrev: yesSelected.toggle()
        default: return false
        }
        return true
    }

    /// Closes the dialog, then runs the answer (which may open the next dialog).
    public func answer(_ yes: Bool, _ host: ScreenHost) {
        host.pop(self)
        if yes {
            question.onYes(host)
        } else if let onNo = question.onNo {
            onNo(host)
        } else {
            host.say(host.language == .en ? "Nothing changed" : "Không thay đổi gì")
        }
    }

    public func render(into g: inout CellGrid, top: Int, bottom: Int, host: ScreenHost) {
        question.under?.render(into: &g, top: top, bottom: bottom, host: host)
        let en = host.language == .en
        let lines = WidgetText.wrap(question.message, toCells: 66).prefix(max(1, bottom - top - 6))
        let (row, left, width) = ScreenDraw.box(into: &g, top: top, bottom: bottom, height: lines.count + 4, width: 72,
                                                title: question.title,
                                                footer: (en ? "y/n · " : "c/k · ") + host.hint([(.formCancel, "không", "no")], in: keyContext),
                                                symbols: host.symbols)
        for (i, line) in lines.enumerated() {
            g.put(row: row + i, col: left, text: CellWidth.truncate(line, toCells: width))
        }
        let buttons = row + lines.count + 1
        let yes = en ? "[ Yes ]" : "[ Có ]", no = en ? "[ No ]" : "[ Không ]"
        let selected = CellStyle(.reverse, role: .selected)
        var col = left
        col = g.put(row: buttons, col: col, text: yes, style: yesSelected ? selected : .plain)
        g.put(row: buttons, col: col + 3, text: no, style: yesSelected ? .plain : selected)
    }
}
