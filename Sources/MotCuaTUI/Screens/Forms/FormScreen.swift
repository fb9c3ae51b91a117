import MotCuaCore

/// What a form shows once saved: the number or code the citizen needs, large and alone, until
/// the clerk goes on (`form.submit`: the same form again, for the next person; `form.cancel`:
/// back; typing a letter: the next form with that letter already typed).
struct FormResult {
    var headline: String
    var lines: [String]
    /// Drawn large under the headline (the walk-in's ticket number, `BlockDigits`).
    var large: [String] = []
    /// The slip this result offers to print (`dossier.print`: preview, then print through the session).
    var slip: (draft: SlipDraft, session: DeskSession)?
    /// The print action's wording on this page ("In giấy tiếp nhận").
    var printText: ActionText?
}

/// The behaviour every desk form shares: typed text goes through the input method in force;
/// Enter, Tab, Esc, Up/Down reach the form as actions from the keymap (`bind form …`), so a
/// keymap can rebind them; cancel asks before throwing typed text away; errors from the model
/// are shown beside the field they name; a saved form shows its result with its own key bar.
class FormScreen: Screen {
    var form: Form
    var result: FormResult?

    init(form: Form) { self.form = form }

    var keyContext: KeyContext { .form }
    var implementedActions: Set<Action> {
        if let result { return result.slip == nil ? Self.resultActions : Self.printableResultActions }
        // PgUp/PgDn page a suggestion list; with none showing they would do nothing.
        return form.showsDropdown ? Self.editing : Self.editing.subtracting([.pageUp, .pageDown])
    }
    static let editing: Set<Action> = [.formSubmit, .formCancel, .fieldNext, .fieldPrev, .fieldClear,
                                       .cursorUp, .cursorDown, .pageUp, .pageDown]
    static let resultActions: Set<Action> = [.formSubmit, .formCancel]
    /// A result page with a slip to print (a receipt, a ticket).
    static let printableResultActions: Set<Action> = resultActions.union([.dossierPrint])
    var barActions: [Action] {
        result == nil ? [.help, .formSubmit, .fieldNext, .fieldClear, .inputCycle, .formCancel] : [.formSubmit, .formCancel, .dossierPrint, .quit]
    }
    var acceptsText: Bool { true }
    var hasUnsavedInput: Bool { result == nil && form.isDirty }

    /// Subclasses save here; throw a `FieldError` to put the message beside its field.
    func submit(host: ScreenHost) throws -> FormResult { throw RuleViolation(code: "abstract", message: Localized(vi: "", en: "")) }
    /// A value changed (e.g. recompute the due date preview).
    func valueChanged(host: ScreenHost) {}
    /// A fresh copy of the form for the next citizen.
    func makeAnother() throws -> FormScreen? { nil }
    /// What `form.submit` does on the result panel.
    var anotherText: ActionText { ActionText(vi: "Người sau", "Nhập tiếp người sau", en: "Next", "Next person") }
    /// A line under the result saying what typing does there.
    var resultHint: Localized? { nil }

    func text(for action: Action) -> ActionText? {
        if result != nil {
            switch action {
            case .formSubmit:
                return ActionText(label: anotherText.label, help: anotherText.help, barKey: .enter)
            case .formCancel:
                return ActionText(vi: "Quay lại", "Quay lại màn hình trước", en: "Back", "Back to the previous screen", barKey: .escape)
            case .dossierPrint:
                return result?.printText ?? ActionText(vi: "In phiếu", "Xem trước và in phiếu", en: "Print", "Preview and print the slip")
            default: return nil
            }
        }
        return Self.editingText(for: action)
    }

    /// The wording of a form's actions while it is being filled (also for `motcua keys`).
    static func editingText(for action: Action) -> ActionText? {
        switch action {
        case .formCancel:
            return ActionText(vi: "Huỷ", "Bỏ biểu mẫu (hỏi trước nếu đã nhập)", en: "Cancel", "Close the form (asks if something was typed)")
        case .cursorUp:
            return ActionText(vi: "Lên", "Về ô trước; trong danh sách gợi ý: dòng trên", en: "Up", "Previous field; in a suggestion list: row above")
        case .cursorDown:
            return ActionText(vi: "Xuống", "Sang ô sau; trong danh sách gợi ý: dòng dưới", en: "Down", "Next field; in a suggestion list: row below")
        case .pageUp:
            return ActionText(vi: "Trang trước", "Trang trước của danh sách gợi ý", en: "Page up", "Previous page of suggestions")
        case .pageDown:
            return ActionText(vi: "Trang sau", "Trang sau của danh sách gợi ý", en: "Page down", "Next page of suggestions")
        default:
            return nil
        }
    }

    func handle(key: Key, host: ScreenHost) -> Bool {
        if result != nil {
            // A name typed for the next person is not lost: it starts the next form.
            guard case .character(let ch) = key else { return false }
            guard ch.isLetter || ch.isNumber else { return true }
            do {
                if let next = try makeAnother() {
                    host.replace(self, with: next)
                    _ = next.handle(key: key, host: host)
                }
            } catch { host.report(error) }
            return true
        }
        // Only typing reaches the form as a key: Enter, Tab, Esc … come as actions from the
        // keymap, so a key the keymap leaves unbound does nothing here either.
        guard key.isTextEditing else { return false }
        let composer = host.composer
        form.setCompose { ch, before in composer.type(ch, after: before) }
        let used = react(form.handle(key), host: host)
        if case .text(let field)? = form.focusedField, field.refusedAtLimit {
            host.say(host.language == .en ? "\(field.label.en): at most \(field.maxLength) characters"
                                          : "\(field.label.vi): tối đa \(field.maxLength) ký tự", warning: true)
        }
        if case .text(let field)? = form.focusedField, let ch = field.refusedCharacter {
            host.say(host.language == .en ? "\(field.label.en): '\(ch)' not taken, \(field.kind.expected.en)"
                                          : "\(field.label.vi): không nhận '\(ch)', \(field.kind.expected.vi)", warning: true)
        }
        return used
    }

    func perform(_ action: Action, host: ScreenHost) -> Bool {
        if result != nil {
            switch action {
            case .formSubmit:
                do {
                    if let next = try makeAnother() { host.replace(self, with: next) } else { host.pop(self) }
                } catch { host.report(error) }
            case .formCancel: host.pop(self)
            case .dossierPrint:
                guard let slip = result?.slip else { return false }
                host.push(SlipPreviewScreen(draft: slip.draft, session: slip.session))
            default: return false
            }
            return true
        }
        switch action {
        case .fieldClear: return react(form.handle(.ctrl("u")), host: host)
        default: return react(form.perform(action), host: host)
        }
    }

    private func react(_ event: FormEvent, host: ScreenHost) -> Bool {
        switch event {
        case .unhandled: return false
        case .none: return true
        case .changed: valueChanged(host: host); return true
        case .cancelRequested(let dirty):
            if dirty {
                host.confirm(YesNoQuestion(
                    title: host.language == .en ? "Cancel the form" : "Huỷ biểu mẫu",
                    message: host.language == .en ? "Discard what was typed and close the form?" : "Bỏ những gì đã nhập và đóng biểu mẫu?",
                    defaultYes: true, under: self, onYes: { [weak self] host in if let self { host.pop(self) } },
                    onNo: { _ in }))
            } else {
                host.pop(self)
            }
            return true
        case .submit:
            save(host: host)
            return true
        }
    }

    /// Submits the form again, after a question the submit asked was answered.
    func save(host: ScreenHost) {
        form.clearErrors()
        host.say("")
        do {
            result = try submit(host: host)
        } catch is QuestionAsked {
            // The submit asked the clerk something; the answer submits again.
        } catch let e as FieldError {
            if form.setError(e) {
                form.focus(id: e.field)
                host.say(e.message(host.language), warning: true)
            } else {
                host.report(e)
            }
        } catch {
            host.report(error)
        }
    }

    func render(into g: inout CellGrid, top: Int, bottom: Int, host: ScreenHost) {
        if let result {
            renderResult(result, into: &g, top: top, bottom: bottom, language: host.language, ascii: host.symbols == .ascii)
            return
        }
        form.language = host.language
        form.render(into: &g, top: top, left: 2, width: g.cols - 4, bottom: bottom)
    }

    private func renderResult(_ r: FormResult, into g: inout CellGrid, top: Int, bottom: Int, language: Language, ascii: Bool) {
        let largeRows = r.large.isEmpty ? 0 : r.large.count + 1
        var row = top + max(1, (bottom - top - r.lines.count - largeRows - 2) / 2)
        func centred(_ text: String, _ style: CellStyle) {
            guard row < bottom else { return }
            let t = CellWidth.truncate(text, toCells: g.cols - 2)
            g.put(row: row, col: max(0, (g.cols - CellWidth.of(t)) / 2), text: t, style: style)
            row += 1
        }
        centred(r.headline, CellStyle([.bold, .reverse], role: .header))
        row += 1
        if !r.large.isEmpty {
            // Every line the same width, so the glyphs stay aligned when centred.
            let width = r.large.map(CellWidth.of).max() ?? 0
            for line in r.large {
                let text = ascii ? line.replacingOccurrences(of: "█", with: "#") : line
                centred(text + String(repeating: " ", count: max(0, width - CellWidth.of(line))), CellStyle(.bold))
            }
            row += 1
        }
        for line in r.lines { centred(line, .plain) }
        if let resultHint {
            row += 1
            centred(resultHint.text(language), CellStyle(.dim, role: .muted))
        }
    }
}

/// Thrown by a form's submit when it has put a question to the clerk (a CCCD on file under
/// another name, a second dossier today): nothing was saved, no error to show.
struct QuestionAsked: Error {}
