using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;

namespace FunnelSim.Ui.Views;

// The tabs: however a tab is chosen, its content has the focus and its keys work at once; no key meant for a page
// changes the tab.
internal sealed partial class MainWindow
{
    /// <summary>
    /// Terminal.Gui 2.5.0's <c>Tabs</c> chooses a tab on its hot key (<c>Alt+E</c>) or a click on its title by focusing
    /// the title itself: a <c>TitleView</c> in the tab's border, which takes the focus after the tab's content (the
    /// content first, then the border, then the title). Focus given to the page while the tab changes (in
    /// <c>ValueChanged</c>) is therefore taken back by the title, and with the focus on the title ↓ does nothing and
    /// ←/→ switch tabs. So here the title never takes the focus: its hot key and click choose the page directly, and the
    /// tab's border cannot be focused at all. Tab and Shift+Tab cycle within the page (at its last view Terminal.Gui
    /// would move on to the next tab's content), and arrow keys a page does not use stop at the page.
    /// </summary>
    private void WireTabs()
    {
        // ←/→ belong to the page (a table scrolls, the outline expands), never to the tab bar.
        Key[] arrows = [Key.CursorLeft, Key.CursorRight, Key.CursorUp, Key.CursorDown];
        foreach (var arrow in arrows) Tabs.KeyBindings.Remove(arrow);
        Key[] scrolling = [.. arrows, Key.PageDown, Key.PageUp, Key.Home, Key.End];
        foreach (var page in Pages)
        {
            if (page.Content.Border.View is BorderView { TitleView: { } title } border)
            {
                title.HandlingHotKey += (_, e) =>
                {
                    e.Handled = true;
                    ShowPage(page);
                };
                border.CanFocus = false;
            }
            page.Content.KeyDown += (_, key) =>
            {
                if (key == Key.Tab || key == Key.Tab.WithShift)
                {
                    CycleFocus(page, key == Key.Tab ? NavigationDirection.Forward : NavigationDirection.Backward);
                    key.Handled = true;
                    return;
                }
                if (!scrolling.Contains(key)) return;
                // A page's keys reach its table even when the focus sits on the page itself.
                if (page.KeyTarget is { HasFocus: false } target) target.NewKeyDownEvent(key);
                if (arrows.Contains(key) || page.KeyTarget is not null) key.Handled = true;
            };
        }
    }

    /// <summary>Shows <paramref name="page"/> with the focus on its main view.</summary>
    private void ShowPage(IResultsPage page)
    {
        Tabs.Value = page.Content;
        FocusPage(page);
    }

    /// <summary>The focus goes to the page's main view: the outline on the Edit tab, a page's table, or the page.</summary>
    private void FocusPage(IResultsPage page)
    {
        View target = page == EditPage ? EditPage.Outline.Tree : page.KeyTarget ?? page.Content;
        if (!target.HasFocus) target.SetFocus();
    }

    /// <summary>Tab and Shift+Tab move among the page's views and wrap around within it (the outline and the fields).</summary>
    private void CycleFocus(IResultsPage page, NavigationDirection direction)
    {
        if (page.Content.AdvanceFocus(direction, TabBehavior.TabStop)) return;
        if (page == EditPage && direction == NavigationDirection.Backward) EditPage.Editor.SetFocus();
        else FocusPage(page);
    }

    private void NextTab(int step)
    {
        int at = Pages.ToList().FindIndex(p => p.Content == Tabs.Value);
        ShowPage(Pages[((at + step) % Pages.Count + Pages.Count) % Pages.Count]);
    }
}
