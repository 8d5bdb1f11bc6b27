"""Without Chromium, asking for a PDF says so: the command with the path and how to install it,
the web page with a 503 for the administrator that does not show the server's paths."""

import pytest
from django.core.management import CommandError, call_command


@pytest.fixture
def no_chromium(settings):
    settings.CHROMIUM_PATH = "/nowhere/chromium"


def test_the_command_names_the_missing_chromium_without_a_traceback(
    demo_data, no_chromium, tmp_path
):
    output = tmp_path / "q1.pdf"
    with pytest.raises(CommandError) as raised:
        call_command(
            "report", "quarterly", "--period", "2012-06", "--format", "pdf", "--output", str(output)
        )
    assert "/nowhere/chromium" in str(raised.value)
    assert "apt-get install chromium" in str(raised.value)
    assert not output.exists()


def test_the_web_download_answers_503_and_the_other_formats_still_work(
    client, viewer, demo_data, no_chromium
):
    client.force_login(viewer)
    response = client.get("/reports/?period=2012-06&format=pdf")
    assert response.status_code == 503
    text = response.content.decode()
    assert "cannot make PDF files" in text
    assert "/nowhere" not in text
    assert client.get("/reports/?period=2012-06&format=xlsx").status_code == 200
