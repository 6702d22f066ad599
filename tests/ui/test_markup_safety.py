"""User words are shown as typed: "[/]" or "[b]" in a name never crashes a screen, a toast or the
command palette, and is never read as markup."""

from __future__ import annotations

from datetime import timedelta

from tui.services import checkins as checkin_service
from tui.services import contacts as contact_service
from tui.services import goals as goal_service
from tui.services import mood as mood_service
from tui.services.wins import add_win

SIZE = (110, 34)
NASTY = "apply [/] now [b]x[/b]"


def seed(rb) -> None:
    goal = goal_service.add_goal(rb, NASTY)
    for back in (2, 1):  # a streak at risk today: the name shows in the at-risk line
        checkin_service.log(rb, goal.id, 1, day=rb.today() - timedelta(days=back))
    contact = contact_service.add_contact(
        rb, contact_service.ContactFields(name="Ann [/]", company="[i]Co", tags="[red]x", cadence=1)
    )
    contact_service.log_interaction(rb, contact.id, kind="call", note="said [/b] hi",
                                    day=rb.today() - timedelta(days=3))
    mood_service.log_rejection(rb, "Acme [/]", role="[b]dev", lesson="keep [/] going",
                               tags="[x]", contact="Ann [/]")
    add_win(rb, "won [/] big")


async def test_every_screen_shows_user_words_literally(make_app, rb):
    seed(rb)
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        for key in ("1", "2", "3", "4", "5"):
            await pilot.press(key)
            await pilot.pause()
        await pilot.press("1")
        await pilot.pause()
        text = app.screen.query_one("#today-at-risk").render()
        assert NASTY in str(text)
        await pilot.press("space")  # earns a 3-day streak: the toast names the goal
        await pilot.pause()
        assert any(NASTY in n.message for n in app._notifications)
        await pilot.press("u")
        await pilot.pause()
        assert any(n.message == f"Undid tick {NASTY} on {rb.today().isoformat()}"
                   for n in app._notifications)
        await pilot.press("ctrl+p")
        await pilot.press(*"Jump")
        await pilot.pause(0.3)
        await pilot.press("escape")


async def test_a_refusal_quoting_the_name_is_shown_literally(make_app, rb):
    goal_service.add_goal(rb, NASTY)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a", *NASTY, "enter")
        await pilot.pause()
        assert NASTY in str(app.screen.query_one("#name-error").render())
