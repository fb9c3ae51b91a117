import MotCuaCore

/// The shell's side of `ScreenHost`: the screen stack, root views, messages, questions, quitting.
extension Shell {
    // MARK: - Quitting

    /// Quits, asking first when a form has typed text (default No: the text would be lost).
    /// Asked again while the question shows, quit means yes.
    public func requestQuit() {
        if let dialog = quitDialog, screens.last === dialog { isRunning = false; return }
        guard screens.contains(where: \.hasUnsavedInput) else { isRunning = false; return }
        let dialog = ConfirmScreen(YesNoQuestion(
            title: language == .en ? "Quit" : "Thoát",
            message: language == .en ? "Quit the program? What was typed in the form will be lost."
                                     : "Thoát chương trình? Những gì đang nhập trong biểu mẫu sẽ mất.",
            defaultYes: false, under: screens.last, onYes: { host in (host as? Shell)?.isRunning = false }))
        quitDialog = dialog
        push(dialog)
    }

    /// Stops the loop after the current key (for hosts and tests).
    public func stop() { isRunning = false }

    /// Back to `view` alone, without asking, help and message closed (for tests that start each
    /// step from a known screen).
    func reset(to view: Action) {
        screens = []
        rootAction = [:]
        switchRoot(view, keep: nil)
        message = nil
    }

    // MARK: - ScreenHost

    public func push(_ screen: Screen) {
        screens.append(screen)
        needsDraw = true
    }

    public func pop(_ screen: Screen) {
        guard let i = screens.lastIndex(where: { $0 === screen }) else { return }
        for s in screens[i...] { rootAction[ObjectIdentifier(s)] = nil }
        screens.removeSubrange(i...)
        if screens.isEmpty { showRoot(home) }
        needsDraw = true
    }

    public func replace(_ old: Screen, with new: Screen) {
        guard let i = screens.lastIndex(where: { $0 === old }) else { push(new); return }
        for s in screens[i...] { rootAction[ObjectIdentifier(s)] = nil }
        screens.removeSubrange(i...)
        screens.append(new)
        needsDraw = true
    }

    /// A root view already open is brought back with its state (screens over it close);
    /// otherwise it replaces the whole stack. Screens that would close with typed text in them
    /// ask first.
    @discardableResult
    public func showRoot(_ view: Action) -> Bool {
        guard roots.actions.contains(view) else { return false }
        let keep = screens.firstIndex { rootAction[ObjectIdentifier($0)] == view }
        let closing = keep.map { Array(screens[($0 + 1)...]) } ?? screens
        if closing.contains(where: \.hasUnsavedInput) {
            confirm(YesNoQuestion(
                title: language == .en ? "Leave the form" : "Rời biểu mẫu",
                message: language == .en ? "Close the form? What was typed will be lost." : "Đóng biểu mẫu? Những gì đã nhập sẽ mất.",
                defaultYes: false, under: screens.last,
                onYes: { host in (host as? Shell)?.switchRoot(view, keep: keep) }))
            return true
        }
        switchRoot(view, keep: keep)
        return true
    }

    private func switchRoot(_ view: Action, keep: Int?) {
        if let keep, keep < screens.count, rootAction[ObjectIdentifier(screens[keep])] == view {
            for s in screens[(keep + 1)...] { rootAction[ObjectIdentifier(s)] = nil }
            screens.removeSubrange((keep + 1)...)
        } else if let screen = roots.make(view) {
            screens = [screen]
            rootAction = [ObjectIdentifier(screen): view]
        }
        isShowingHelp = false
        needsDraw = true
    }

    public func say(_ text: String, warning: Bool) {
        message = text.isEmpty ? nil : text
        messageIsWarning = warning
        needsDraw = true
    }

    public func report(_ error: Error) {
        say(ErrorText.message(for: error, language: language), warning: true)
    }

    public func confirm(_ question: YesNoQuestion) {
        push(ConfirmScreen(question))
    }

    public func keys(for action: Action, in context: KeyContext) -> [Key] {
        keymap.keys(for: action, in: context)
    }
}
