// GENERATED from keymaps/*.keys — keep identical (a test compares them with the files).
// The files are embedded as text so the binary needs no resource bundle.
extension Keymap {
    /// Built-in keymaps by name, for `include NAME`.
    public static let builtInFiles: [String: String] = [
        "default": #"""
# keymaps/default.keys — motcua's built-in keymap.
# Read by the same parser as your own keymap; `motcua keys` lists the bindings in force.
#
#   bind <context> <key> <action>      a later binding overrides an earlier one
#   unbind <context> <key>
#   include NAME                       e.g. `include default` at the top of your own file
#
# Contexts: global queue appointments dossiers search form board. A screen looks in its own
# context first, then in global. Function keys come first: they work on every terminal and
# whatever the input method.

# Everywhere
bind global       F1        help
bind global       F3        view.search
bind global       F9        input.cycle
bind global       F10       quit
bind global       C-z       undo
bind global       M-1       view.queue
bind global       M-2       view.appointments
bind global       M-3       view.dossiers
bind global       M-4       view.search
bind global       M-5       view.reports
bind global       Up        cursor.up
bind global       Down      cursor.down
bind global       PgUp      page.up
bind global       PgDn      page.down
bind global       Home      cursor.first
bind global       End       cursor.last

# The queue (the desk's first screen)
bind queue        F2        walkin.register
bind queue        F4        dossier.receive
bind queue        F5        queue.call-next
bind queue        F6        queue.recall
bind queue        F7        queue.done
bind queue        F8        queue.no-show
bind queue        C-t       queue.transfer
bind queue        /         search.start
bind queue        ?         help
bind queue        q         quit

# Appointments
bind appointments F2        appointment.book
bind appointments F5        appointment.check-in
bind appointments F6        appointment.reschedule
bind appointments F8        appointment.no-show
bind appointments Del       appointment.cancel
bind appointments Left      calendar.prev
bind appointments Right     calendar.next
bind appointments t         calendar.today
bind appointments w         calendar.week
bind appointments /         search.start
bind appointments ?         help
bind appointments q         quit

# Dossiers (the register)
bind dossiers     F2        dossier.receive
bind dossiers     F4        dossier.print
bind dossiers     F5        dossier.ready
bind dossiers     F6        dossier.return
bind dossiers     F7        dossier.supplement
bind dossiers     F8        dossier.reject
bind dossiers     M-p       dossier.post
bind dossiers     M-h       dossier.deliver-home
bind dossiers     M-a       dossier.apologize
bind dossiers     /         search.start
bind dossiers     ?         help
bind dossiers     q         quit

# Search box and forms: printable keys are typed, so only special keys are bound
bind search       Enter     form.submit
bind search       Esc       form.cancel
bind form         F2        form.submit
bind form         C-s       form.submit
bind form         Esc       form.cancel
bind form         Tab       field.next
bind form         Enter     form.submit
bind form         BackTab   field.prev

# The supervisor's board (read-only)
bind board        ?         help
bind board        q         quit
"""#,
        "vi": #"""
# keymaps/vi.keys — vi-style movement on top of the default keymap.
# Use it with `include vi` in your own keymap, or as your keymap as it is.
# Letters are bound in list contexts only, so typing in forms and search is unaffected.

include default

bind queue        j         cursor.down
bind queue        k         cursor.up
bind queue        g         cursor.first
bind queue        G         cursor.last
bind queue        C-f       page.down
bind queue        C-b       page.up

bind appointments j         cursor.down
bind appointments k         cursor.up
bind appointments g         cursor.first
bind appointments G         cursor.last
bind appointments h         calendar.prev
bind appointments l         calendar.next
bind appointments C-f       page.down
bind appointments C-b       page.up

bind dossiers     j         cursor.down
bind dossiers     k         cursor.up
bind dossiers     g         cursor.first
bind dossiers     G         cursor.last
bind dossiers     C-f       page.down
bind dossiers     C-b       page.up

bind board        j         cursor.down
bind board        k         cursor.up
bind board        g         cursor.first
bind board        G         cursor.last
"""#,
    ]
}
