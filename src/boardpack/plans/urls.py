from django.urls import path

from boardpack.plans import action_views, attention_views, queue_views, views

urlpatterns = [
    path("plans/", views.plans, name="plans"),
    path("plans/<slug:slug>/", views.plan, name="plan"),
    path("plans/<slug:slug>/actions/<int:pk>/", action_views.action, name="plan-action"),
    path(
        "plans/<slug:slug>/actions/<int:pk>/progress/",
        action_views.progress_add,
        name="plan-action-progress",
    ),
    path(
        "plans/<slug:slug>/actions/<int:pk>/brag/",
        action_views.brag_propose,
        name="plan-action-brag",
    ),
    path(
        "plans/<slug:slug>/actions/<int:pk>/brag/<int:change>/confirm/",
        action_views.brag_confirm,
        name="plan-action-brag-confirm",
    ),
    path("my-actions/", views.my_actions, name="my-actions"),
    path("brag-to-confirm/", queue_views.brag_queue, name="brag-queue"),
    path("needs-attention/", attention_views.needs_attention, name="needs-attention"),
    path(
        "needs-attention/<int:pk>/timescale/",
        attention_views.timescale_resolve,
        name="timescale-resolve",
    ),
]
