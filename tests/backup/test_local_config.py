"""Machine-level preferences: a small JSON file outside the data, readable without Qt."""

from __future__ import annotations

import pytest

from crm_desktop import paths
from crm_desktop.errors import CrmError
from crm_desktop.services import local_config


def test_preferences_are_kept_in_the_config_folder_not_in_the_data(home):
    assert local_config.get(local_config.BACKUP_DIR) is None
    local_config.update({local_config.BACKUP_DIR: "/media/USB «Флешка» 备份"})
    assert local_config.get(local_config.BACKUP_DIR) == "/media/USB «Флешка» 备份"
    assert local_config.config_file().parent == paths.config_dir()
    assert [p.name for p in paths.config_dir().iterdir()] == ["local.json"]  # nothing half-written
    local_config.update({local_config.BACKUP_DIR: None})
    assert local_config.load() == {}


@pytest.mark.expects_warning_log
def test_a_damaged_file_counts_as_empty(home):
    local_config.config_file().parent.mkdir(parents=True)
    local_config.config_file().write_text('{"backup_dir": ', encoding="utf-8")
    assert local_config.load() == {}
    local_config.config_file().write_text("[1, 2]", encoding="utf-8")
    assert local_config.get("backup_dir", "default") == "default"
    local_config.update({"backup_dir": "/x"})  # and is replaced whole by the next save
    assert local_config.load() == {"backup_dir": "/x"}


@pytest.mark.expects_warning_log
def test_an_unwritable_config_folder_says_so(home):
    blocker = paths.config_dir()
    blocker.parent.mkdir(parents=True, exist_ok=True)
    blocker.write_text("a file where the folder should be")
    with pytest.raises(CrmError, match="Cannot save the preference"):
        local_config.update({"backup_dir": "/x"})
