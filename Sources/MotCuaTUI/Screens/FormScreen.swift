import MotCuaCore

/// What a form shows once saved: the number or code the citizen needs, large and alone, until
/// the clerk goes on (Enter: the same form again, for the next person; Esc: back).
struct FormResult {
    var headline: String
    var lines: [String]
}

/// The behaviour every desk form shares: typing goes through the input method in force,
/// Esc asks before throwing typed text away, errors from the model are shown beside the field
/// they name, and a saved form shows its result.
class FormScreen: Screen {
    var form: Form
    private(set) var confirmingDiscard = false
    var result: FormResult?

    init(form: Form) { self.form = form }

    var keyContext: KeyContext { .form }
    var barActions: [Action] { [.help, .formSubmit, .fieldNext, .inputCycle, .formCancel] }

    /// Subclasses save here; throw a `FieldError` to put the message beside its field.
    func submit(app: DeskApp) throws -> FormResult { throw RuleViolation(code: "abstract", message: Localized(vi: "", en: "")) }
    /// A value changed (e.g. recompute the due date preview).
    func valueChanged(app: DeskApp) {}
    /// A fresh copy of the form for the next citizen.
    func makeAnother(app: DeskApp) -> FormScreen? { nil }
    /// What Enter does on the result panel.
    var anotherHint: Localized { Localized(vi: "Enter: nhập tiếp người sau", en: "Enter: next person") }

    func handle(key: Key, app: DeskApp) -> Bool {
        if confirmingDiscard {
            if let yes = ConfirmDialog.discardChanges.handle(key) {
                confirmingDiscard = false
                if yes { app.pop(self) }
            }
            return true
        }
        if result != nil {
            switch key {
            case .enter:
                app.pop(self)
                if let next = makeAnother(app: app) { app.push(next) }
            case .escape, .character(" "): app.pop(self)
            default: return false
            }
            return true
        }
        let composer = app.composer
        form.setCompose { ch, before in composer.type(ch, after: before) }
        return react(form.handle(key), app: app)
    }

    func perform(_ action: Action, app: DeskApp) -> Bool {
        if result != nil {
            if action == .formCancel || action == .quit { app.pop(self); return true }
            return false
        }
        switch action {
        case .formSubmit, .formCancel, .fieldNext, .fieldPrev:
            return react(form.perform(action), app: app)
        default:
            return false
        }
    }

    private func react(_ event: FormEvent, app: DeskApp) -> Bool {
        switch event {
        case .unhandled: return false
        case .none: return true
        case .changed: valueChanged(app: app); return true
        case .cancelRequested(let dirty):
            if dirty { confirmingDiscard = true } else { app.pop(self) }
            return true
        case .submit:
            save(app: app)
            return true
        }
    }

    private func save(app: DeskApp) {
        form.clearErrors()
        app.say("")
        do {
            result = try submit(app: app)
        } catch let e as FieldError {
            if form.setError(e) {
                form.focus(id: e.field)
                app.say(e.message(app.language), warning: true)
            } else {
                app.report(e)
            }
        } catch {
            app.report(error)
        }
    }

    func shouldClose(app: DeskApp) -> Bool {
        if result == nil && form.isDirty {
            confirmingDiscard = true
            return false
        }
        return true
    }

    func render(into g: inout CellGrid, top: Int, bottom: Int, app: DeskApp) {
        if let result {
            renderResult(result, into: &g, top: top, bottom: bottom, language: app.language)
            return
        }
        form.language = app.language
        form.render(into: &g, top: top, left: 2, width: g.cols - 4, bottom: bottom)
        if confirmingDiscard { ConfirmDialog.discardChanges.render(into: &g, top: top, bottom: bottom, language: app.language) }
    }

    private func renderResult(_ r: FormResult, into g: inout CellGrid, top: Int, bottom: Int, language: Language) {
        var row = top + max(1, (bottom - top - r.lines.count - 4) / 2)
        func centred(_ text: String, _ style: CellStyle) {
            guard row < bottom else { return }
            let t = CellWidth.truncate(text, toCells: g.cols - 2)
            g.put(row: row, col: max(0, (g.cols - CellWidth.of(t)) / 2), text: t, style: style)
            row += 1
        }
        centred(r.headline, CellStyle([.bold, .reverse], role: .header))
        row += 1
        for line in r.lines { centred(line, .plain) }
        row += 1
        centred(anotherHint.text(language) + (language == .vi ? "   Esc: về màn hình trước" : "   Esc: back"),
                CellStyle(.dim, role: .muted))
    }
}
